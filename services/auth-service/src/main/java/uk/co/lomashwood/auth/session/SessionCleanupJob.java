package uk.co.lomashwood.auth.session;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.auth.support.JobLock;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * cleanup-sessions, hourly (spec 10 §2.7): revokes sessions idle for 30 days (INACTIVITY), deletes sessions
 * 30 days after they expired or were revoked, deletes expired refresh tokens and blacklist rows, and
 * nulls session IP addresses older than 90 days.
 */
@Component
public class SessionCleanupJob {

    static final Duration IDLE_LIMIT = Duration.ofDays(30);
    static final Duration KEEP_ENDED = Duration.ofDays(30);
    static final Duration KEEP_IP = Duration.ofDays(90);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final SessionRepository sessions;
    private final SessionRevoker revoker;
    private final TransactionTemplate transactions;
    private final JobLock jobLock;
    private final Clock clock;

    public SessionCleanupJob(JdbcClient jdbc, SessionRepository sessions, SessionRevoker revoker,
                             TransactionTemplate transactions, JobLock jobLock, Clock clock) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.revoker = revoker;
        this.transactions = transactions;
        this.jobLock = jobLock;
        this.clock = clock;
    }

    @Scheduled(cron = "0 0 * * * *", zone = "UTC")
    public void scheduled() {
        jobLock.runExclusively("cleanup-sessions", Duration.ofMinutes(30), this::run);
    }

    public void run() {
        Instant now = clock.instant();
        List<UUID> idle = jdbc.sql("""
                SELECT id FROM sessions WHERE is_active AND revoked_at IS NULL AND last_access_at < ? LIMIT ?""")
                .params(Timestamp.from(now.minus(IDLE_LIMIT)), BATCH).query(UUID.class).list();
        for (UUID id : idle) {
            transactions.executeWithoutResult(status -> sessions.lockById(id)
                    .ifPresent(s -> revoker.revoke(s, RevocationReason.INACTIVITY, ClientInfo.system())));
        }
        Timestamp endedBefore = Timestamp.from(now.minus(KEEP_ENDED));
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM sessions WHERE (revoked_at IS NOT NULL AND revoked_at < ?) OR expires_at < ?")
                    .params(endedBefore, endedBefore).update();
            jdbc.sql("DELETE FROM refresh_tokens WHERE expires_at < ?").param(Timestamp.from(now)).update();
            jdbc.sql("DELETE FROM token_blacklist WHERE expires_at < ?").param(Timestamp.from(now)).update();
            jdbc.sql("UPDATE sessions SET ip_address = NULL WHERE ip_address IS NOT NULL AND created_at < ?")
                    .param(Timestamp.from(now.minus(KEEP_IP))).update();
        });
    }
}
