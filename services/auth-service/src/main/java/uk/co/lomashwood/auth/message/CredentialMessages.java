package uk.co.lomashwood.auth.message;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.ObjectMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Queues a secret-carrying email in the caller's transaction ({@code pending_credential_messages}) and
 * sends it right after the commit; a failed send stays queued and is retried by
 * {@link CredentialMessageDispatcher}. The row, and with it the secret, is deleted once sent, or
 * dropped when the secret inside has expired anyway.
 */
@Component
public class CredentialMessages {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final CredentialMessageDispatcher dispatcher;
    private final Clock clock;

    public CredentialMessages(JdbcClient jdbc, ObjectMapper json, CredentialMessageDispatcher dispatcher, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** @param usefulFor how long the secret in the message stays valid: no point delivering it later */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(String templateSlug, UUID userId, String email, Map<String, String> variables,
                        Duration usefulFor) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO pending_credential_messages (id, template_slug, user_id, recipient_email, variables,
                    next_attempt_at, discard_after, created_at)
                VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?)""")
                .params(id, templateSlug, userId, email, json.writeValueAsString(variables), Timestamp.from(now),
                        Timestamp.from(now.plus(usefulFor)), Timestamp.from(now))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatcher.sendSoon(id);
            }
        });
    }
}
