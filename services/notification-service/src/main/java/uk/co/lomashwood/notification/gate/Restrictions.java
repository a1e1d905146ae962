package uk.co.lomashwood.notification.gate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * Users whose processing is restricted (GDPR Art. 18, {@code customer.processing_restricted}): only mandatory
 * messages reach them (spec 40 §1.4.2).
 */
@Component
public class Restrictions {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Restrictions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void set(UUID userId, boolean restricted) {
        if (restricted) {
            jdbc.sql("""
                            INSERT INTO notification_processing_restrictions (user_id, restricted_at) VALUES (?, ?)
                            ON CONFLICT (user_id) DO NOTHING""")
                    .params(userId, Timestamp.from(clock.instant())).update();
        } else {
            jdbc.sql("DELETE FROM notification_processing_restrictions WHERE user_id = ?").param(userId).update();
        }
    }

    public boolean restricted(UUID userId) {
        return userId != null && jdbc.sql("SELECT count(*) FROM notification_processing_restrictions WHERE user_id = ?")
                .param(userId).query(Long.class).single() > 0;
    }
}
