package uk.co.lomashwood.auth.verification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.auth.support.AuthEvents;
import uk.co.lomashwood.auth.support.JobLock;
import uk.co.lomashwood.auth.user.UserEvents;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * purge-unverified, daily at 04:00: accounts still PENDING_VERIFICATION after 30 days are deleted and
 * {@code auth.user.deleted} (UNVERIFIED) is published; and the verification part of expire-password-reset:
 * expired link tokens are marked used, and deleted 24 hours after expiry (spec 10 §2.7).
 */
@Component
public class VerificationCleanupJob {

    static final Duration UNVERIFIED_LIFETIME = Duration.ofDays(30);
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuthEvents events;
    private final JobLock jobLock;
    private final Clock clock;

    public VerificationCleanupJob(JdbcClient jdbc, TransactionTemplate transactions, AuthEvents events,
                                  JobLock jobLock, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.jobLock = jobLock;
        this.clock = clock;
    }

    @Scheduled(cron = "0 0 4 * * *", zone = "UTC")
    public void purgeUnverifiedDaily() {
        jobLock.runExclusively("purge-unverified", Duration.ofMinutes(30), this::purgeUnverified);
    }

    @Scheduled(cron = "0 */30 * * * *", zone = "UTC")
    public void expireTokensHalfHourly() {
        jobLock.runExclusively("expire-verification-tokens", Duration.ofMinutes(10), this::expireTokens);
    }

    /** @return how many accounts were deleted */
    public int purgeUnverified() {
        Instant cutoff = clock.instant().minus(UNVERIFIED_LIFETIME);
        Integer deleted = transactions.execute(status -> {
            List<UUID> ids = jdbc.sql("""
                    SELECT id FROM users WHERE status = 'PENDING_VERIFICATION' AND created_at < ?
                    ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                    .params(Timestamp.from(cutoff), BATCH).query(UUID.class).list();
            for (UUID id : ids) {
                jdbc.sql("DELETE FROM users WHERE id = ?").param(id).update();
                events.publish(UserEvents.DELETED, id, new UserEvents.Deleted(id, "UNVERIFIED", clock.instant()));
            }
            return ids.size();
        });
        return deleted == null ? 0 : deleted;
    }

    public void expireTokens() {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("UPDATE email_verification_tokens SET is_used = true, used_at = ? WHERE is_used = false AND expires_at < ?")
                    .params(Timestamp.from(now), Timestamp.from(now)).update();
            jdbc.sql("DELETE FROM email_verification_tokens WHERE expires_at < ?")
                    .param(Timestamp.from(now.minus(Duration.ofHours(24)))).update();
        });
    }
}
