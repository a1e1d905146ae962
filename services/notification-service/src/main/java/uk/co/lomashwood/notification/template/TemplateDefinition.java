package uk.co.lomashwood.notification.template;

import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.PreferenceTopic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A template: HTML body, plain-text body (also the SMS and push body) and subject (the push title); {@code topic}
 * null means mandatory. System templates ({@code notification/templates/{slug}.tpl}) are Thymeleaf; templates
 * written through the admin API are {@code handlebars}: {@code {{variable}}} only, HTML-escaped in the HTML body.
 */
public record TemplateDefinition(String slug, String name, String category, Channel channel, PreferenceTopic topic,
                                 List<String> required, String subject, String html, String text, boolean handlebars) {

    public TemplateDefinition {
        required = List.copyOf(required);
    }

    public TemplateDefinition(String slug, String name, String category, Channel channel, PreferenceTopic topic,
                              List<String> required, String subject, String html, String text) {
        this(slug, name, category, channel, topic, required, subject, html, text, false);
    }

    public String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String content = String.join("\u0000", String.valueOf(subject), String.valueOf(html), String.valueOf(text),
                    String.join(",", required), category, String.valueOf(topic));
            return HexFormat.of().formatHex(digest.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
