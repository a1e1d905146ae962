package uk.co.lomashwood.product.catalogue;

import uk.co.lomashwood.platform.core.error.ValidationException;

import java.util.Arrays;
import java.util.Locale;

/** Case-insensitive parsing of query-string enum values; an unknown value is a 400 naming the parameter. */
public final class Enums {

    private Enums() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String raw, String parameter) {
        String value = raw.trim().toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw ValidationException.of(parameter, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }
}
