package uk.co.lomashwood.auth.message;

import org.springframework.web.util.HtmlUtils;

import java.util.Map;

/**
 * The two secret-carrying emails in UK English, plain text and HTML, used by the SMTP fallback until
 * notification-service renders its own templates of the same slugs.
 */
final class CredentialEmails {

    record Email(String subject, String text, String html) {
    }

    private CredentialEmails() {
    }

    static Email render(String templateSlug, Map<String, String> variables) {
        return switch (templateSlug) {
            case CredentialMessage.EMAIL_VERIFICATION -> verification(variables);
            case CredentialMessage.PASSWORD_RESET -> reset(variables);
            default -> throw new IllegalArgumentException("Unknown credential template " + templateSlug);
        };
    }

    private static Email verification(Map<String, String> v) {
        String name = v.getOrDefault("customerName", "there");
        String text = """
                Hello %s,

                Thank you for registering with Lomash Wood. Please confirm your email address by opening this link:

                %s

                Or enter this code: %s

                The code expires in %s minutes and the link in 24 hours. If you did not create an account, you can ignore this email.

                Lomash Wood
                """.formatted(name, v.get("verifyUrl"), v.get("otpCode"), v.get("expiresInMinutes"));
        String html = page("Confirm your email address", """
                <p>Hello %s,</p>
                <p>Thank you for registering with Lomash Wood. Please confirm your email address:</p>
                <p><a href="%s">Confirm my email address</a></p>
                <p>Or enter this code: <strong style="font-size:20px;letter-spacing:4px">%s</strong></p>
                <p>The code expires in %s minutes and the link in 24 hours. If you did not create an account, you can ignore this email.</p>
                """.formatted(esc(name), esc(v.get("verifyUrl")), esc(v.get("otpCode")), esc(v.get("expiresInMinutes"))));
        return new Email("Confirm your Lomash Wood email address", text, html);
    }

    private static Email reset(Map<String, String> v) {
        String name = v.getOrDefault("customerName", "there");
        String text = """
                Hello %s,

                We received a request to reset the password of your Lomash Wood account. To choose a new password, open this link within 15 minutes:

                %s

                If you did not ask for this, you can ignore this email: your password has not changed.

                Lomash Wood
                """.formatted(name, v.get("resetUrl"));
        String html = page("Reset your password", """
                <p>Hello %s,</p>
                <p>We received a request to reset the password of your Lomash Wood account.</p>
                <p><a href="%s">Choose a new password</a> (the link works for 15 minutes).</p>
                <p>If you did not ask for this, you can ignore this email: your password has not changed.</p>
                """.formatted(esc(name), esc(v.get("resetUrl"))));
        return new Email("Reset your Lomash Wood password", text, html);
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + "</title></head><body style=\"font-family:Arial,sans-serif;color:#222\">" + body
                + "<p>Lomash Wood</p></body></html>";
    }

    private static String esc(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value);
    }
}
