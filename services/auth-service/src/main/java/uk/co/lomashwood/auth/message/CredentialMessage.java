package uk.co.lomashwood.auth.message;

import java.util.Map;
import java.util.UUID;

/**
 * An email that carries a secret (verification link and code, reset link). {@code id} doubles as the
 * {@code Idempotency-Key} towards notification-service, so a retried send is delivered once.
 */
public record CredentialMessage(UUID id, String templateSlug, UUID userId, String recipientEmail,
                                Map<String, String> variables) {

    public static final String EMAIL_VERIFICATION = "account-email-verification-email";
    public static final String PASSWORD_RESET = "account-password-reset-email";

    public CredentialMessage {
        variables = Map.copyOf(variables);
    }

    @Override
    public String toString() {
        return "CredentialMessage[id=" + id + ", template=" + templateSlug + "]";
    }
}
