package uk.co.lomashwood.notification.consumer;

import java.util.HashMap;
import java.util.Map;

/** Template variables from key/value pairs; null values are left out (templates treat them as absent). */
final class Vars {

    private Vars() {
    }

    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }
}
