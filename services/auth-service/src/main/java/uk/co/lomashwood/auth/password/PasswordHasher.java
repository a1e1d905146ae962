package uk.co.lomashwood.auth.password;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id with the platform parameters (spec 00 §3.2): 64 MiB memory, 3 iterations, parallelism 4,
 * 32-byte hash, 16-byte salt, encoded as {@code $argon2id$v=19$m=65536,t=3,p=4$…}. Legacy bcrypt
 * hashes still verify and report {@link #needsRehash} so that the next successful sign-in upgrades them.
 */
@Component
public class PasswordHasher {

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    static final int PARALLELISM = 4;
    static final int MEMORY_KIB = 65_536;
    static final int ITERATIONS = 3;

    private final Argon2PasswordEncoder argon2 =
            new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(12);
    private volatile String dummyHash;

    public String hash(String rawPassword) {
        return argon2.encode(rawPassword);
    }

    public boolean matches(String rawPassword, String storedHash) {
        if (rawPassword == null || storedHash == null) {
            return false;
        }
        if (isBcrypt(storedHash)) {
            return bcrypt.matches(rawPassword, storedHash);
        }
        return storedHash.startsWith("$argon2id$") && argon2.matches(rawPassword, storedHash);
    }

    /** True for bcrypt and for Argon2 hashes made with other parameters. */
    public boolean needsRehash(String storedHash) {
        return isBcrypt(storedHash) || argon2.upgradeEncoding(storedHash);
    }

    /**
     * Spends the time of one real verification for an unknown email, so that response times do not
     * tell which addresses have accounts (spec 10 §2.5.2 step 1).
     */
    public void dummyVerify(String rawPassword) {
        String hash = dummyHash;
        if (hash == null) {
            hash = argon2.encode("dummy-password-for-timing-equalisation");
            dummyHash = hash;
        }
        argon2.matches(rawPassword == null ? "" : rawPassword, hash);
    }

    private static boolean isBcrypt(String hash) {
        return hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$");
    }
}
