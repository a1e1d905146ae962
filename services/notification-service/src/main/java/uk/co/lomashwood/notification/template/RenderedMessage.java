package uk.co.lomashwood.notification.template;

/** What a template produced: subject (push title), plain text (SMS and push body) and HTML (email only). */
public record RenderedMessage(String subject, String text, String html) {
}
