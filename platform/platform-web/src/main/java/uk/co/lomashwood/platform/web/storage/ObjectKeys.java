package uk.co.lomashwood.platform.web.storage;

import java.util.regex.Pattern;

/** Object keys are relative paths of safe segments; anything else (.., absolute, odd characters) is refused. */
public final class ObjectKeys {

    private static final Pattern SAFE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}(/[A-Za-z0-9][A-Za-z0-9._-]{0,127}){0,7}$");

    private ObjectKeys() {
    }

    public static boolean isSafe(String key) {
        return key != null && SAFE.matcher(key).matches() && !key.contains("..");
    }

    public static String require(String key) {
        if (!isSafe(key)) {
            throw new IllegalArgumentException("unsafe object key");
        }
        return key;
    }
}
