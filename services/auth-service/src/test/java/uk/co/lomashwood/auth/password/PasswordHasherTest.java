package uk.co.lomashwood.auth.password;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesWithArgon2idAndThePlatformParameters() {
        String hash = hasher.hash("Oak&Walnut-Kitchen-42");

        assertThat(hash).startsWith("$argon2id$v=19$m=65536,t=3,p=4$");
        String[] parts = hash.split("\\$");
        assertThat(java.util.Base64.getDecoder().decode(pad(parts[4]))).hasSize(16);
        assertThat(java.util.Base64.getDecoder().decode(pad(parts[5]))).hasSize(32);
        assertThat(hasher.matches("Oak&Walnut-Kitchen-42", hash)).isTrue();
        assertThat(hasher.matches("oak&walnut-kitchen-42", hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
    }

    @Test
    void verifiesLegacyBcryptAndAsksForARehash() {
        String legacy = new BCryptPasswordEncoder(4).encode("Legacy-Password-1!");

        assertThat(hasher.matches("Legacy-Password-1!", legacy)).isTrue();
        assertThat(hasher.matches("Legacy-Password-2!", legacy)).isFalse();
        assertThat(hasher.needsRehash(legacy)).isTrue();
    }

    @Test
    void refusesMissingOrForeignHashes() {
        assertThat(hasher.matches("anything", null)).isFalse();
        assertThat(hasher.matches(null, "$argon2id$v=19$m=65536,t=3,p=4$x$y")).isFalse();
        assertThat(hasher.matches("anything", "{noop}anything")).isFalse();
    }

    private static String pad(String base64) {
        return base64 + "=".repeat((4 - base64.length() % 4) % 4);
    }
}
