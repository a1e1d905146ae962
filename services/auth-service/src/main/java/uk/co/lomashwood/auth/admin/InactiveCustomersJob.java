package uk.co.lomashwood.auth.admin;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.auth.audit.AuditAction;
import uk.co.lomashwood.auth.audit.AuditEntry;
import uk.co.lomashwood.auth.audit.AuditTrail;
import uk.co.lomashwood.auth.session.RevocationReason;
import uk.co.lomashwood.auth.session.SessionRevoker;
import uk.co.lomashwood.auth.support.AuthEvents;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.auth.support.JobLock;
import uk.co.lomashwood.auth.user.UserEvents;
import uk.co.lomashwood.auth.user.UserLocks;
import uk.co.lomashwood.auth.user.UserRepository;
import uk.co.lomashwood.auth.user.UserStatus;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * deactivate-inactive-users, Sundays at 03:00 (spec 10 §2.7): CUSTOMER accounts without a sign-in for 335
 * days get one {@code auth.user.inactivity_warning}; at 365 days they become INACTIVE (reason INACTIVITY),
 * their sessions are revoked and {@code auth.user.status_changed} is published.
 */
@Component
public class InactiveCustomersJob {

    static final Duration WARN_AFTER = Duration.ofDays(335);
    static final Duration DEACTIVATE_AFTER = Duration.ofDays(365);
    private static final int BATCH = 500;
    private static final String IDLE = "role = 'CUSTOMER' AND status = 'ACTIVE' AND coalesce(last_login_at, created_at) < ?";

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final UserLocks locks;
    private final SessionRevoker revoker;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final AuthEvents events;
    private final JobLock jobLock;
    private final Clock clock;

    public InactiveCustomersJob(JdbcClient jdbc, UserRepository users, UserLocks locks, SessionRevoker revoker,
                                TransactionTemplate transactions, AuditTrail audit, AuthEvents events,
                                JobLock jobLock, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.locks = locks;
        this.revoker = revoker;
        this.transactions = transactions;
        this.audit = audit;
        this.events = events;
        this.jobLock = jobLock;
        this.clock = clock;
    }

    @Scheduled(cron = "0 0 3 * * SUN", zone = "UTC")
    public void scheduled() {
        jobLock.runExclusively("deactivate-inactive-users", Duration.ofHours(1), this::run);
    }

    public void run() {
        Instant now = clock.instant();
        List<UUID> toWarn = jdbc.sql("SELECT id FROM users WHERE " + IDLE
                        + " AND (inactivity_warning_sent_at IS NULL OR inactivity_warning_sent_at < coalesce(last_login_at, created_at)) LIMIT ?")
                .params(Timestamp.from(now.minus(WARN_AFTER)), BATCH).query(UUID.class).list();
        toWarn.forEach(id -> transactions.executeWithoutResult(status -> warn(id, now)));
        List<UUID> toDeactivate = jdbc.sql("SELECT id FROM users WHERE " + IDLE + " LIMIT ?")
                .params(Timestamp.from(now.minus(DEACTIVATE_AFTER)), BATCH).query(UUID.class).list();
        toDeactivate.forEach(id -> transactions.executeWithoutResult(status -> deactivate(id, now)));
    }

    private void warn(UUID id, Instant now) {
        users.findById(id).ifPresent(user -> {
            jdbc.sql("UPDATE users SET inactivity_warning_sent_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
            Instant lastSeen = user.lastLoginAt() != null ? user.lastLoginAt() : user.createdAt();
            events.publish(UserEvents.INACTIVITY_WARNING, id, new UserEvents.InactivityWarning(id, user.lastLoginAt(),
                    lastSeen.plus(DEACTIVATE_AFTER).atZone(ZoneOffset.UTC).toLocalDate()));
        });
    }

    private void deactivate(UUID id, Instant now) {
        users.findById(id).map(locks::lock).filter(u -> u.status() == UserStatus.ACTIVE).ifPresent(user -> {
            user.changeStatus(UserStatus.INACTIVE, "INACTIVITY", null, clock);
            revoker.revokeAll(id, RevocationReason.INACTIVITY, null, ClientInfo.system());
            audit.record(AuditEntry.success(AuditAction.USER_STATUS_CHANGED, id, ClientInfo.system())
                    .with("previousStatus", UserStatus.ACTIVE).with("newStatus", UserStatus.INACTIVE)
                    .with("reason", "INACTIVITY"));
            events.publish(UserEvents.STATUS_CHANGED, id, new UserEvents.StatusChanged(id, UserStatus.ACTIVE.name(),
                    UserStatus.INACTIVE.name(), "INACTIVITY", now));
        });
    }
}
