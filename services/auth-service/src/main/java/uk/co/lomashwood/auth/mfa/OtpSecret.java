package uk.co.lomashwood.auth.mfa;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import uk.co.lomashwood.auth.support.AssignedIdEntity;
import uk.co.lomashwood.auth.user.MfaMethod;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** A user's TOTP seed (encrypted): pending after setup, active once a code has confirmed it. */
@Entity
@Table(name = "otp_secrets")
public class OtpSecret extends AssignedIdEntity {

    private UUID userId;
    @Enumerated(EnumType.STRING)
    private MfaMethod method;
    private String secret;
    private boolean isVerified;
    private Instant verifiedAt;
    private boolean isActive;
    private Instant disabledAt;
    private Long lastUsedStep;
    private Instant createdAt;
    private Instant updatedAt;

    protected OtpSecret() {
    }

    private OtpSecret(UUID id) {
        super(id);
    }

    static OtpSecret pending(UUID userId, String encryptedSecret, Clock clock) {
        OtpSecret secret = new OtpSecret(UUID.randomUUID());
        secret.userId = userId;
        secret.method = MfaMethod.TOTP;
        secret.createdAt = clock.instant();
        secret.replaceSecret(encryptedSecret, clock);
        return secret;
    }

    /** A new setup replaces an unconfirmed seed. */
    void replaceSecret(String encryptedSecret, Clock clock) {
        secret = encryptedSecret;
        isVerified = false;
        verifiedAt = null;
        isActive = false;
        lastUsedStep = null;
        updatedAt = clock.instant();
    }

    void activate(long confirmedStep, Clock clock) {
        isVerified = true;
        isActive = true;
        verifiedAt = clock.instant();
        disabledAt = null;
        lastUsedStep = confirmedStep;
        updatedAt = verifiedAt;
    }

    /** Accepts a matched step unless it (or a later one) was already used: a code works once. */
    boolean acceptStep(long step, Clock clock) {
        if (lastUsedStep != null && step <= lastUsedStep) {
            return false;
        }
        lastUsedStep = step;
        updatedAt = clock.instant();
        return true;
    }

    String encryptedSecret() { return secret; }
    boolean isActive() { return isActive; }
}
