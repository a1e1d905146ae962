package uk.co.lomashwood.auth.password;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.auth.support.JobLock;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * expire-password-reset, every 30 minutes (spec 10 §2.7): expired reset and invite tokens are marked
 * used, and deleted 24 hours after their expiry.
 */
@Component
public class ResetTokenCleanupJob {

    private final JdbcClient jdbc;
    private final JobLock jobLock;
    private final Clock clock;

    public ResetTokenCleanupJob(JdbcClient jdbc, JobLock jobLock, Clock clock) {
        this.jdbc = jdbc;
        this.jobLock = jobLock;
        this.clock = clock;
    }

    @Scheduled(cron = "0 */30 * * * *", zone = "UTC")
    public void scheduled() {
        jobLock.runExclusively("expire-password-reset", Duration.ofMinutes(10), this::run);
    }

    public void run() {
        Instant now = clock.instant();
        jdbc.sql("UPDATE password_reset_tokens SET is_used = true, used_at = ? WHERE is_used = false AND expires_at < ?")
                .params(Timestamp.from(now), Timestamp.from(now)).update();
        jdbc.sql("DELETE FROM password_reset_tokens WHERE expires_at < ?")
                .param(Timestamp.from(now.minus(Duration.ofHours(24)))).update();
    }
}
