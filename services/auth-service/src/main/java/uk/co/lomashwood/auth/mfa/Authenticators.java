package uk.co.lomashwood.auth.mfa;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.auth.support.SecureTokens;
import uk.co.lomashwood.auth.user.MfaMethod;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Users' TOTP seeds: create a pending one, confirm it with a first code, check codes at sign-in. */
@Component
public class Authenticators {

    static final int SECRET_BYTES = 20;

    private final OtpSecretRepository secrets;
    private final TotpSecretCipher cipher;
    private final Clock clock;

    public Authenticators(OtpSecretRepository secrets, TotpSecretCipher cipher, Clock clock) {
        this.secrets = secrets;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** A new unconfirmed seed (replacing an earlier unconfirmed one); returns it in base32 for the app. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String startSetup(UUID userId) {
        return store(userId, Base32.encode(SecureTokens.randomBytes(SECRET_BYTES)), false);
    }

    /** A known seed, already confirmed (demo accounts). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enrolKnownSecret(UUID userId, String base32Secret) {
        store(userId, base32Secret, true);
    }

    public enum Confirmation { CONFIRMED, WRONG_CODE, NO_PENDING_SETUP }

    /** Confirms the pending seed with a first code. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Confirmation confirmSetup(UUID userId, String code) {
        Optional<OtpSecret> pending = secrets.lockByUser(userId, MfaMethod.TOTP).filter(s -> !s.isActive());
        if (pending.isEmpty()) {
            return Confirmation.NO_PENDING_SETUP;
        }
        OptionalLong step = Totp.matchingStep(seed(pending.get()), code, clock.instant());
        if (step.isEmpty()) {
            return Confirmation.WRONG_CODE;
        }
        pending.get().activate(step.getAsLong(), clock);
        return Confirmation.CONFIRMED;
    }

    /** Checks a sign-in code against the active seed; each time step is accepted once. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean verify(UUID userId, String code) {
        Optional<OtpSecret> active = secrets.lockByUser(userId, MfaMethod.TOTP).filter(OtpSecret::isActive);
        if (active.isEmpty()) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(seed(active.get()), code, clock.instant());
        return step.isPresent() && active.get().acceptStep(step.getAsLong(), clock);
    }

    private String store(UUID userId, String base32Secret, boolean confirmed) {
        String encrypted = cipher.encrypt(base32Secret);
        OtpSecret secret = secrets.lockByUser(userId, MfaMethod.TOTP)
                .map(existing -> {
                    existing.replaceSecret(encrypted, clock);
                    return existing;
                })
                .orElseGet(() -> OtpSecret.pending(userId, encrypted, clock));
        if (confirmed) {
            secret.activate(Totp.step(clock.instant()) - Totp.WINDOW - 1, clock);
        }
        secrets.save(secret);
        return base32Secret;
    }

    private byte[] seed(OtpSecret secret) {
        return Base32.decode(cipher.decrypt(secret.encryptedSecret()));
    }
}
