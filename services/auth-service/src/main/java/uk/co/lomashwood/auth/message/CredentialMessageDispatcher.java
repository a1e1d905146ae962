package uk.co.lomashwood.auth.message;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.auth.support.JobLock;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Hands queued credential messages to the {@link CredentialMessageSender}: once right after the commit
 * that queued them, then every 15 s for failed ones with growing back-off. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so instances never send the same row twice. Never logs the secret.
 */
@Component
public class CredentialMessageDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CredentialMessageDispatcher.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(15);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);
    private static final TypeReference<Map<String, String>> VARIABLES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CredentialMessageSender sender;
    private final ObjectMapper json;
    private final JobLock jobLock;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public CredentialMessageDispatcher(JdbcClient jdbc, TransactionTemplate transactions, CredentialMessageSender sender,
                                       ObjectMapper json, JobLock jobLock, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sender = sender;
        this.json = json;
        this.jobLock = jobLock;
        this.clock = clock;
    }

    void sendSoon(UUID id) {
        if (!executor.isShutdown()) {
            executor.execute(() -> trySend(id));
        }
    }

    @Scheduled(initialDelayString = "PT15S", fixedDelayString = "${lomash.auth.message-retry-interval:PT15S}")
    public void retryDue() {
        jobLock.runExclusively("credential-messages", Duration.ofMinutes(2), () -> {
            List<UUID> due = jdbc.sql("""
                    SELECT id FROM pending_credential_messages WHERE next_attempt_at <= ? AND discard_after > ?
                    ORDER BY next_attempt_at LIMIT 20""")
                    .params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant()))
                    .query(UUID.class).list();
            due.forEach(this::trySend);
            int dropped = jdbc.sql("DELETE FROM pending_credential_messages WHERE discard_after <= ?")
                    .param(Timestamp.from(clock.instant())).update();
            if (dropped > 0) {
                log.error("{} credential message(s) could not be delivered before their secret expired", dropped);
            }
        });
    }

    /** @return true when the message was sent (and deleted) by this call */
    public boolean trySend(UUID id) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Optional<CredentialMessage> message = claim(id);
            if (message.isEmpty()) {
                return false;
            }
            try {
                sender.send(message.get());
                jdbc.sql("DELETE FROM pending_credential_messages WHERE id = ?").param(id).update();
                return true;
            } catch (RuntimeException e) {
                postpone(id, e);
                return false;
            }
        }));
    }

    private Optional<CredentialMessage> claim(UUID id) {
        return jdbc.sql("""
                SELECT id, template_slug, user_id, recipient_email, variables::text AS variables
                FROM pending_credential_messages WHERE id = ? FOR UPDATE SKIP LOCKED""")
                .param(id)
                .query((rs, n) -> new CredentialMessage(rs.getObject("id", UUID.class), rs.getString("template_slug"),
                        rs.getObject("user_id", UUID.class), rs.getString("recipient_email"),
                        json.readValue(rs.getString("variables"), VARIABLES)))
                .optional();
    }

    private void postpone(UUID id, RuntimeException failure) {
        Integer attempts = jdbc.sql("""
                UPDATE pending_credential_messages SET attempts = attempts + 1, last_error = ?
                WHERE id = ? RETURNING attempts""")
                .params(failure.getClass().getSimpleName(), id).query(Integer.class).single();
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 5));
        Instant next = clock.instant().plus(wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait);
        jdbc.sql("UPDATE pending_credential_messages SET next_attempt_at = ? WHERE id = ?")
                .params(Timestamp.from(next), id).update();
        log.warn("Credential message {} not sent (attempt {}, {}); retrying at {}", id, attempts,
                failure.getClass().getSimpleName(), next);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
