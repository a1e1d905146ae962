package uk.co.lomashwood.product.catalogue;

import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.core.error.FieldViolation;
import uk.co.lomashwood.platform.core.error.ValidationException;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Merge patches are converted with Jackson's lenient scalar coercion ({@code 5} becomes {@code "5"}); text
 * and other scalars of a patch must have their JSON type (or be null), as they must in a create body.
 */
public final class PatchTypes {

    private PatchTypes() {
    }

    private static boolean matches(Class<?> type, JsonNode value) {
        if (type == String.class || type.isEnum() || type == java.util.UUID.class) {
            return value.isString();
        }
        if (type == Boolean.class) {
            return value.isBoolean();
        }
        if (type == Integer.class) {
            return value.isIntegralNumber();
        }
        if (type == java.math.BigDecimal.class) {
            return value.isNumber();
        }
        if (List.class.isAssignableFrom(type)) {
            return value.isArray();
        }
        return true;
    }

    public static void requireJsonTypes(JsonNode patch, Class<? extends Record> shape) {
        if (patch == null || !patch.isObject()) {
            return;
        }
        List<FieldViolation> violations = new ArrayList<>();
        for (RecordComponent component : shape.getRecordComponents()) {
            JsonNode value = patch.get(component.getName());
            if (value != null && !value.isNull() && !matches(component.getType(), value)) {
                violations.add(new FieldViolation(component.getName(), "has the wrong type"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }
}
