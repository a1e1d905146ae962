package uk.co.lomashwood.auth.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.platform.web.request.RequestIds;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes audit records to {@code audit_logs} (inside the caller's transaction when there is one) and
 * the same record as one structured log line on the {@code audit} logger.
 */
@Component
public class AuditTrail {

    private static final Logger AUDIT_LOG = LoggerFactory.getLogger("uk.co.lomashwood.auth.audit");
    private static final String SERVICE = "auth-service";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public void record(AuditEntry entry) {
        Instant now = clock.instant();
        String requestId = RequestIds.current();
        jdbc.sql("""
                INSERT INTO audit_logs (id, user_id, actor_id, actor_role, session_id, action, resource, resource_id,
                    ip_address, user_agent, request_id, metadata, success, error_code, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?)""")
                .params(UUID.randomUUID(), entry.userId(), entry.actor().userId(), entry.actor().role(),
                        entry.actor().sessionId(), entry.action().name(), entry.resource(), entry.resourceId(),
                        entry.client().ipAddress(), entry.client().userAgent(), requestId,
                        json.writeValueAsString(entry.metadata()), entry.success(), entry.failureReason(),
                        Timestamp.from(now))
                .update();
        log(entry, now, requestId);
    }

    private void log(AuditEntry entry, Instant now, String requestId) {
        LoggingEventBuilder line = AUDIT_LOG.atInfo()
                .addKeyValue("timestamp", now.toString())
                .addKeyValue("service", SERVICE)
                .addKeyValue("event", entry.action().platformEvent())
                .addKeyValue("userId", entry.actor().userId() != null ? entry.actor().userId() : entry.userId())
                .addKeyValue("role", entry.actor().role())
                .addKeyValue("sessionId", entry.actor().sessionId())
                .addKeyValue("resourceType", entry.resource())
                .addKeyValue("resourceId", entry.resourceId())
                .addKeyValue("ip", entry.client().ipAddress())
                .addKeyValue("userAgent", entry.client().userAgent())
                .addKeyValue("requestId", requestId)
                .addKeyValue("outcome", entry.success() ? "success" : "failure")
                .addKeyValue("failureReason", entry.failureReason());
        line.log("audit {}", entry.action().platformEvent());
    }
}
