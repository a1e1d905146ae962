package uk.co.lomashwood.product.catalogue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import uk.co.lomashwood.platform.core.error.FieldViolation;
import uk.co.lomashwood.platform.core.error.ValidationException;

import java.util.Set;

/** Bean validation of a merged PATCH result, reported like a request body's violations (400 with errors[]). */
public final class Validation {

    private Validation() {
    }

    public static <T> T valid(Validator validator, T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations.stream()
                    .map(v -> new FieldViolation(v.getPropertyPath().toString(), v.getMessage())).toList());
        }
        return value;
    }
}
