package uk.co.lomashwood.auth.jobs;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import uk.co.lomashwood.auth.admin.InactiveCustomersJob;
import uk.co.lomashwood.auth.audit.AuditRetentionJob;
import uk.co.lomashwood.auth.password.ResetTokenCleanupJob;
import uk.co.lomashwood.auth.session.SessionCleanupJob;
import uk.co.lomashwood.auth.support.AuthIntegrationTest;
import uk.co.lomashwood.auth.support.Jwt;
import uk.co.lomashwood.platform.test.mail.Mailbox;
import uk.co.lomashwood.auth.support.TestUsers;
import uk.co.lomashwood.auth.support.TestUsers.TestUser;
import uk.co.lomashwood.auth.verification.VerificationCleanupJob;
import uk.co.lomashwood.platform.core.security.Role;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The jobs of spec 10 §2.7, run directly against data back-dated in the database. */
class ScheduledJobsIT extends AuthIntegrationTest {

    @Autowired
    private SessionCleanupJob sessionCleanup;
    @Autowired
    private VerificationCleanupJob verificationCleanup;
    @Autowired
    private InactiveCustomersJob inactiveCustomers;
    @Autowired
    private ResetTokenCleanupJob resetTokenCleanup;
    @Autowired
    private AuditRetentionJob auditRetention;
    @Autowired
    private StringRedisTemplate redis;

    @Test
    void sessionsIdleForThirtyDaysAreRevokedAndLongEndedOnesDeleted() {
        TestUser customer = users.active(Role.CUSTOMER);
        SignedIn idle = signIn(customer);
        SignedIn ended = signIn(customer);
        jdbc.sql("UPDATE sessions SET last_access_at = now() - interval '31 days' WHERE id = ?")
                .param(idle.sessionId()).update();
        jdbc.sql("UPDATE sessions SET is_active = false, revoked_at = now() - interval '31 days' WHERE id = ?")
                .param(ended.sessionId()).update();

        sessionCleanup.run();

        assertThat(jdbc.sql("SELECT revoked_reason FROM sessions WHERE id = ?").param(idle.sessionId())
                .query(String.class).single()).isEqualTo("INACTIVITY");
        assertThat(verifySession(idle.sessionId(), Jwt.jti(idle.accessToken())).data().get("valid").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM sessions WHERE id = ?").param(ended.sessionId())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aScheduledRunIsSkippedWhileAnotherInstanceHoldsTheJobLock() {
        SignedIn idle = signIn(users.active(Role.CUSTOMER));
        jdbc.sql("UPDATE sessions SET last_access_at = now() - interval '31 days' WHERE id = ?")
                .param(idle.sessionId()).update();
        String lock = "auth:lock:job:cleanup-sessions";
        redis.opsForValue().set(lock, "another-instance", Duration.ofMinutes(1));
        try {
            sessionCleanup.scheduled();
            assertThat(revokedReason(idle)).isNull();
            assertThat(redis.opsForValue().get(lock)).as("not ours to release").isEqualTo("another-instance");
        } finally {
            redis.delete(lock);
        }

        sessionCleanup.scheduled();

        assertThat(revokedReason(idle)).isEqualTo("INACTIVITY");
        assertThat(redis.hasKey(lock)).as("released after the run").isFalse();
    }

    private String revokedReason(SignedIn session) {
        return jdbc.sql("SELECT revoked_reason FROM sessions WHERE id = ?").param(session.sessionId())
                .query(String.class).optional().orElse(null);
    }

    @Test
    void accountsUnverifiedForThirtyDaysAreDeletedWithAnEvent() {
        String email = TestUsers.uniqueEmail("stale");
        UUID id = UUID.fromString(api().post("/v1/auth/register", body("email", email, "password", TestUsers.PASSWORD,
                "firstName", "Stale", "lastName", "Account")).data().get("user").get("id").asString());
        Mailbox.latestTo(email);
        String fresh = TestUsers.uniqueEmail("fresh");
        api().post("/v1/auth/register", body("email", fresh, "password", TestUsers.PASSWORD,
                "firstName", "Fresh", "lastName", "Account"));
        jdbc.sql("UPDATE users SET created_at = now() - interval '31 days' WHERE id = ?").param(id).update();

        verificationCleanup.purgeUnverified();
        verificationCleanup.expireTokens();

        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE id = ?").param(id).query(Integer.class).single()).isZero();
        assertThat(events("auth.user.deleted", id)).singleElement()
                .satisfies(e -> assertThat(e.get("reason").asString()).isEqualTo("UNVERIFIED"));
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = ?").param(fresh).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void idleCustomersAreWarnedOnceThenDeactivated() {
        TestUser customer = users.active(Role.CUSTOMER);
        SignedIn session = signIn(customer);
        jdbc.sql("UPDATE users SET last_login_at = now() - interval '340 days' WHERE id = ?").param(customer.id()).update();

        inactiveCustomers.run();
        inactiveCustomers.run();

        assertThat(events("auth.user.inactivity_warning", customer.id())).singleElement()
                .satisfies(e -> assertThat(e.get("deactivatesOn").asString()).matches("\\d{4}-\\d{2}-\\d{2}"));
        jdbc.sql("UPDATE users SET last_login_at = now() - interval '366 days' WHERE id = ?").param(customer.id()).update();

        inactiveCustomers.run();

        assertThat(jdbc.sql("SELECT status || '/' || status_reason FROM users WHERE id = ?").param(customer.id())
                .query(String.class).single()).isEqualTo("INACTIVE/INACTIVITY");
        assertThat(verifySession(session.sessionId(), "x").data().get("valid").asBoolean()).isFalse();
        assertThat(events("auth.user.status_changed", customer.id())).singleElement()
                .satisfies(e -> assertThat(e.get("reason").asString()).isEqualTo("INACTIVITY"));
    }

    @Test
    void oldAuditIpAddressesAreNulledAndExpiredResetTokensRetired() {
        TestUser customer = users.active(Role.CUSTOMER);
        signIn(customer);
        jdbc.sql("UPDATE login_history SET created_at = now() - interval '91 days' WHERE user_id = ?")
                .param(customer.id()).update();
        api().post("/v1/auth/forgot-password", body("email", customer.email()));
        jdbc.sql("UPDATE password_reset_tokens SET expires_at = now() - interval '25 hours' WHERE user_id = ?")
                .param(customer.id()).update();

        auditRetention.run();
        resetTokenCleanup.run();

        assertThat(jdbc.sql("SELECT count(*) FROM login_history WHERE user_id = ? AND ip_address IS NOT NULL")
                .param(customer.id()).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM password_reset_tokens WHERE user_id = ?").param(customer.id())
                .query(Integer.class).single()).isZero();
    }
}
