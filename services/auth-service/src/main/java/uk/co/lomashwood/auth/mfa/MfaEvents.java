package uk.co.lomashwood.auth.mfa;

import java.time.Instant;
import java.util.UUID;

/** {@code auth.mfa.changed} (spec 00 §4.7). */
public final class MfaEvents {

    public static final String CHANGED = "auth.mfa.changed";

    private MfaEvents() {
    }

    public record Changed(UUID userId, boolean enabled, String method, Instant changedAt) {
    }
}
