package uk.co.lomashwood.auth.mfa;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.auth.support.SecureTokens;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Ten single-use backup codes of 8 characters (no look-alike characters), shown once; only
 * SHA-256(userId:code) is stored, so a code is bound to its user.
 */
@Component
public class BackupCodes {

    static final int COUNT = 10;
    static final int LENGTH = 8;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final JdbcClient jdbc;
    private final Clock clock;

    public BackupCodes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Replaces the user's codes with ten new ones and returns them in clear, once. */
    public List<String> regenerate(UUID userId) {
        jdbc.sql("DELETE FROM backup_codes WHERE user_id = ?").param(userId).update();
        List<String> codes = IntStream.range(0, COUNT).mapToObj(i -> SecureTokens.randomString(ALPHABET, LENGTH)).toList();
        Timestamp now = Timestamp.from(clock.instant());
        for (String code : codes) {
            jdbc.sql("INSERT INTO backup_codes (id, user_id, code_hash, created_at) VALUES (?, ?, ?, ?)")
                    .params(UUID.randomUUID(), userId, hash(userId, code), now).update();
        }
        return codes;
    }

    /** Uses the code if it is one of the user's unused codes. */
    public boolean consume(UUID userId, String presented) {
        String normalised = presented == null ? "" : presented.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (normalised.length() != LENGTH) {
            return false;
        }
        return jdbc.sql("""
                UPDATE backup_codes SET is_used = true, used_at = ?
                WHERE user_id = ? AND code_hash = ? AND is_used = false""")
                .params(Timestamp.from(clock.instant()), userId, hash(userId, normalised))
                .update() >= 1;
    }

    private static String hash(UUID userId, String code) {
        return SecureTokens.sha256(userId + ":" + code);
    }
}
