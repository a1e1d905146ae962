package uk.co.lomashwood.notification.template;

import org.springframework.web.util.HtmlUtils;

import java.util.LinkedHashSet;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The logic-less subset of Handlebars that admin-written templates may use (spec 40 §1.4.3): {@code {{variable}}},
 * HTML-escaped in HTML and raw in text, subject, SMS and push. Triple-stash and block helpers are refused, so a stored
 * template can never run code on the server (unlike the Thymeleaf system templates, which are reviewed source).
 */
public final class Handlebars {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*}}");

    private Handlebars() {
    }

    /** @return the syntax problem, or null when the text is valid */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        if (text.contains("{{{")) {
            return "triple-stash {{{ }}} is not allowed";
        }
        String rest = VARIABLE.matcher(text).replaceAll("");
        if (rest.contains("{{") || rest.contains("}}")) {
            return "only {{variable}} placeholders are supported";
        }
        return null;
    }

    public static Set<String> variables(String... texts) {
        Set<String> names = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null) {
                Matcher m = VARIABLE.matcher(text);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    static String render(String text, Map<String, ?> values, boolean html) {
        if (text == null) {
            return null;
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            String plain = value == null ? "" : String.valueOf(value);
            m.appendReplacement(out, Matcher.quoteReplacement(html ? HtmlUtils.htmlEscape(plain) : plain));
        }
        m.appendTail(out);
        return out.toString();
    }
}
