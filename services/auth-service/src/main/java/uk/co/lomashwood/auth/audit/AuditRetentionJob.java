package uk.co.lomashwood.auth.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.auth.support.JobLock;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * purge-audit (spec 10 §2.5.10, §2.7): audit records and login history are kept 24 months; their IP
 * addresses are nulled after 90 days (daily, so that no IP outlives its 90 days by much).
 */
@Component
public class AuditRetentionJob {

    static final Duration KEEP = Duration.ofDays(730);
    static final Duration KEEP_IP = Duration.ofDays(90);

    private final JdbcClient jdbc;
    private final JobLock jobLock;
    private final Clock clock;

    public AuditRetentionJob(JdbcClient jdbc, JobLock jobLock, Clock clock) {
        this.jdbc = jdbc;
        this.jobLock = jobLock;
        this.clock = clock;
    }

    @Scheduled(cron = "0 30 3 * * *", zone = "UTC")
    public void scheduled() {
        jobLock.runExclusively("purge-audit", Duration.ofMinutes(30), this::run);
    }

    public void run() {
        Instant now = clock.instant();
        Timestamp expired = Timestamp.from(now.minus(KEEP));
        Timestamp ipExpired = Timestamp.from(now.minus(KEEP_IP));
        jdbc.sql("DELETE FROM audit_logs WHERE created_at < ?").param(expired).update();
        jdbc.sql("DELETE FROM login_history WHERE created_at < ?").param(expired).update();
        jdbc.sql("UPDATE audit_logs SET ip_address = NULL WHERE ip_address IS NOT NULL AND created_at < ?")
                .param(ipExpired).update();
        jdbc.sql("UPDATE login_history SET ip_address = NULL WHERE ip_address IS NOT NULL AND created_at < ?")
                .param(ipExpired).update();
    }
}
