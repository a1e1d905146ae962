package uk.co.lomashwood.notification.template;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.PreferenceTopic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the system templates shipped on the classpath. A file is a header of {@code key: value} lines
 * followed by {@code --- html} and {@code --- text} sections.
 */
final class TemplateFiles {

    static final String LOCATION = "classpath*:notification/templates/*.tpl";

    private TemplateFiles() {
    }

    static List<TemplateDefinition> load() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            List<TemplateDefinition> all = new ArrayList<>();
            for (Resource resource : resources) {
                String slug = resource.getFilename().replace(".tpl", "");
                all.add(parse(slug, resource.getContentAsString(StandardCharsets.UTF_8)));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TemplateDefinition parse(String slug, String content) {
        Map<String, String> header = new HashMap<>();
        Map<String, StringBuilder> sections = new HashMap<>();
        StringBuilder current = null;
        for (String line : content.split("\n", -1)) {
            if (line.startsWith("--- ")) {
                current = new StringBuilder();
                sections.put(line.substring(4).trim(), current);
            } else if (current != null) {
                current.append(line).append('\n');
            } else if (line.contains(":")) {
                int colon = line.indexOf(':');
                header.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        String topic = header.getOrDefault("topic", "-");
        List<String> required = Arrays.stream(header.getOrDefault("required", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new TemplateDefinition(slug, header.getOrDefault("name", slug), require(header, "category", slug),
                Channel.valueOf(require(header, "channel", slug)),
                "-".equals(topic) ? null : PreferenceTopic.valueOf(topic), required,
                header.get("subject"), text(sections.get("html")), text(sections.get("text")));
    }

    private static String require(Map<String, String> header, String key, String slug) {
        String value = header.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Template " + slug + " has no " + key);
        }
        return value;
    }

    private static String text(StringBuilder section) {
        return section == null ? null : section.toString().strip();
    }
}
