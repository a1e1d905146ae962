package uk.co.lomashwood.auth.login;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.auth.support.ClientInfo;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/** {@code login_history}: every sign-in attempt with its outcome (kept 24 months, IPs nulled after 90 days). */
@Component
public class LoginHistory {

    private final JdbcClient jdbc;
    private final Clock clock;

    public LoginHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void succeeded(UUID userId, String email, ClientInfo client) {
        insert(userId, email, "SUCCESS", client, null);
    }

    public void failed(UUID userIdOrNull, String email, ClientInfo client, String reason) {
        insert(userIdOrNull, email, "FAILED", client, reason);
    }

    public void locked(UUID userId, String email, ClientInfo client) {
        insert(userId, email, "LOCKED_ACCOUNT", client, "LOCKED");
    }

    public void blocked(UUID userId, String email, ClientInfo client, String reason) {
        insert(userId, email, "BLOCKED", client, reason);
    }

    private void insert(UUID userId, String email, String status, ClientInfo client, String reason) {
        jdbc.sql("""
                INSERT INTO login_history (id, user_id, email, status, ip_address, user_agent, reason, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), userId, email, status, client.ipAddress(), client.userAgent(), reason,
                        Timestamp.from(clock.instant()))
                .update();
    }
}
