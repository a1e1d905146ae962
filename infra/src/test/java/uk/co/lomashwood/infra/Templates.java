package uk.co.lomashwood.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import uk.co.lomashwood.infra.config.EnvironmentConfig;

/** Short-hands over the shared synthesised app. */
public final class Templates {

    public static final List<String> ENVIRONMENTS = List.of("staging", "production");

    private Templates() {
    }

    public static EnvironmentConfig config(String env) {
        return SynthesizedApp.stage(env).config();
    }

    public static Template network(String env) {
        return SynthesizedApp.template(SynthesizedApp.stage(env).network());
    }

    public static Template data(String env) {
        return SynthesizedApp.template(SynthesizedApp.stage(env).data());
    }

    public static Template registry(String env) {
        return SynthesizedApp.template(SynthesizedApp.stage(env).registry());
    }

    public static Template messaging(String env) {
        return SynthesizedApp.template(SynthesizedApp.stage(env).messaging());
    }

    public static Template edge(String env) {
        return SynthesizedApp.template(SynthesizedApp.stage(env).edge());
    }

    public static Template services(String env) {
        return SynthesizedApp.template(SynthesizedApp.stage(env).services());
    }

    /** Properties of every resource of {@code type} in {@code template}. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> properties(Template template, String type) {
        return template.findResources(type).values().stream()
                .map(r -> (Map<String, Object>) ((Map<String, Object>) r).getOrDefault("Properties", Map.of()))
                .toList();
    }

    /** The single resource of {@code type} whose properties match {@code props}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> only(Template template, String type, Map<String, Object> props) {
        Map<String, Map<String, Object>> found = template.findResources(type,
                Map.of("Properties", Match.objectLike(props)));
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + " like " + props + ", found " + found.size());
        }
        return (Map<String, Object>) found.values().iterator().next().get("Properties");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object o) {
        return (List<Object>) o;
    }
}
