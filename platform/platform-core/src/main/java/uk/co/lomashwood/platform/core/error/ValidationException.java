package uk.co.lomashwood.platform.core.error;

import java.util.List;

/** 400 {@code VALIDATION_ERROR} carrying the offending fields. */
public class ValidationException extends ApiException {

    private final List<FieldViolation> violations;

    public ValidationException(List<FieldViolation> violations) {
        super(ErrorCode.VALIDATION_ERROR, "The request is invalid: see errors for the fields to correct.");
        this.violations = List.copyOf(violations);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
