package uk.co.lomashwood.auth.password;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The last {@value #KEPT} password hashes of each user, the current one included (spec 10 §2.1): a
 * new password must match none of them.
 */
@Component
public class PasswordHistory {

    static final int KEPT = 12;

    private final JdbcClient jdbc;
    private final PasswordHasher hasher;
    private final Clock clock;

    public PasswordHistory(JdbcClient jdbc, PasswordHasher hasher, Clock clock) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.clock = clock;
    }

    public void record(UUID userId, String passwordHash) {
        jdbc.sql("INSERT INTO password_history (id, user_id, password_hash, created_at) VALUES (?, ?, ?, ?)")
                .params(UUID.randomUUID(), userId, passwordHash, Timestamp.from(clock.instant()))
                .update();
        jdbc.sql("""
                DELETE FROM password_history WHERE user_id = :user AND id NOT IN (
                    SELECT id FROM password_history WHERE user_id = :user ORDER BY created_at DESC, id LIMIT :kept)""")
                .param("user", userId).param("kept", KEPT)
                .update();
    }

    /** Whether the candidate matches one of the last {@value #KEPT} passwords. */
    public boolean wasUsedRecently(UUID userId, String candidate) {
        List<String> hashes = jdbc.sql(
                        "SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY created_at DESC LIMIT ?")
                .params(userId, KEPT)
                .query(String.class)
                .list();
        return hashes.stream().anyMatch(hash -> hasher.matches(candidate, hash));
    }
}
