package uk.co.lomashwood.auth.password;

import java.time.Instant;
import java.util.UUID;

/** Password topics and payloads (spec 00 §4.7); never the token or the password. */
public final class PasswordEvents {

    public static final String RESET_REQUESTED = "auth.password.reset_requested";
    public static final String CHANGED = "auth.password.changed";

    private PasswordEvents() {
    }

    public record ResetRequested(UUID userId, Instant requestedAt) {
    }

    /** {@code method}: CHANGE or RESET. */
    public record Changed(UUID userId, String method, Instant changedAt) {
    }
}
