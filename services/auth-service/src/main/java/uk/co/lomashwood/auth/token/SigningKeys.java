package uk.co.lomashwood.auth.token;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The signing keys of this service. In AWS they come from configuration ({@code JWT_SIGNING_KEYS},
 * rotated by Secrets Manager: put the new key first or give it the newest {@code iat}, keep the old
 * one for 24 h). Locally they live in a file generated on first start, so tokens survive restarts,
 * and {@link #rotateIfDue()} rotates them every 90 days with a 24-hour overlap (spec 00 §2.3).
 */
@Component
public class SigningKeys {

    static final Duration ROTATION_AGE = Duration.ofDays(90);
    static final Duration OVERLAP = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final AtomicReference<SigningKeySet> current = new AtomicReference<>();
    private final LocalKeyFile file;
    private final int keySize;
    private final Clock clock;

    public SigningKeys(JwtProperties properties, Clock clock) {
        this.clock = clock;
        this.keySize = properties.keySize();
        if (properties.keysFromConfiguration()) {
            this.file = null;
            current.set(SigningKeySet.parse(properties.signingKeys()));
            log.info("JWT signing keys read from configuration (active kid {})", current.get().active().getKeyID());
        } else {
            this.file = new LocalKeyFile(properties.keyStorePath());
            current.set(file.read().orElseGet(this::createFirstKey));
            log.info("JWT signing keys kept in {} (active kid {})", file.path(), current.get().active().getKeyID());
        }
    }

    public SigningKeySet current() {
        return current.get();
    }

    /**
     * Local key file only: adds a new key when the active one is 90 days old and drops older keys 24 h
     * after a rotation. Configuration-held keys are rotated by their owner.
     *
     * @return true when the key set changed
     */
    public synchronized boolean rotateIfDue() {
        if (file == null) {
            return false;
        }
        SigningKeySet keys = current.get();
        Instant now = clock.instant();
        Instant activeSince = keys.activeIssuedAt() == null ? now : keys.activeIssuedAt().toInstant();
        List<com.nimbusds.jose.jwk.RSAKey> next = new ArrayList<>(keys.keys());
        if (!now.isBefore(activeSince.plus(ROTATION_AGE))) {
            next.addFirst(SigningKeyFactory.generate(keySize, clock));
        } else if (next.size() > 1 && !now.isBefore(activeSince.plus(OVERLAP))) {
            next = List.of(keys.active());
        } else {
            return false;
        }
        SigningKeySet rotated = SigningKeySet.of(next);
        file.write(rotated);
        current.set(rotated);
        log.info("JWT signing keys rotated: active kid {}, {} published", rotated.active().getKeyID(), next.size());
        return true;
    }

    private SigningKeySet createFirstKey() {
        SigningKeySet keys = SigningKeySet.of(List.of(SigningKeyFactory.generate(keySize, clock)));
        file.write(keys);
        return keys;
    }
}
