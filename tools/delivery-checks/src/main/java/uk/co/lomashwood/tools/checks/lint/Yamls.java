package uk.co.lomashwood.tools.checks.lint;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers over SnakeYAML's plain maps and lists (merge keys resolved). */
final class Yamls {

    private Yamls() {
    }

    static Map<String, Object> load(String text) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        return map(root);
    }

    /** A mapping with its keys as strings; YAML 1.1 reads a bare {@code on} key as {@code true}. */
    static Map<String, Object> map(Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(Boolean.TRUE.equals(k) ? "on" : String.valueOf(k), v));
        }
        return out;
    }

    static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
