package uk.co.lomashwood.order.webhook;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import uk.co.lomashwood.order.stripe.PaymentGateway;
import uk.co.lomashwood.order.stripe.StripeEvent;

/**
 * Steps 2–7 of the webhook pipeline (spec 20 §2.4.6) for an event whose signature is already verified: livemode
 * check, de-duplication (the {@code webhook_events} row is authoritative, Redis {@code SET NX} the fast path),
 * IGNORED for unhandled types, the handler in one transaction that also marks the row PROCESSED, and FAILED with
 * a backoff when the handler throws. Stripe always gets 200 once the row is stored.
 */
@Service
public class WebhookProcessing {

    static final int MAX_ATTEMPTS = 5;
    static final Duration FIRST_RETRY = Duration.ofSeconds(60);
    private static final Duration FAST_PATH_TTL = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(WebhookProcessing.class);

    private final WebhookEventStore store;
    private final StripeEventHandlers handlers;
    private final PaymentGateway gateway;
    private final StringRedisTemplate redis;
    private final TransactionTemplate transactions;

    public WebhookProcessing(WebhookEventStore store, StripeEventHandlers handlers, PaymentGateway gateway,
                             StringRedisTemplate redis, TransactionTemplate transactions) {
        this.store = store;
        this.handlers = handlers;
        this.gateway = gateway;
        this.redis = redis;
        this.transactions = transactions;
    }

    public enum Result { RECEIVED, DUPLICATE, IGNORED, FAILED }

    public Result receive(StripeEvent event) {
        if (event.livemode() != gateway.livemode()) {
            log.info("webhook {} of the other Stripe mode ignored", event.id());
            return Result.IGNORED;
        }
        if (!firstSighting(event.id()) && store.status(event.id()).isPresent()) {
            return Result.DUPLICATE;
        }
        boolean handled = handlers.handles(event.type());
        Optional<UUID> row = store.insert(event, handled ? WebhookStatus.RECEIVED : WebhookStatus.IGNORED);
        if (row.isEmpty()) {
            return Result.DUPLICATE;
        }
        if (!handled) {
            return Result.IGNORED;
        }
        return execute(row.get(), event, 1) ? Result.RECEIVED : Result.FAILED;
    }

    /**
     * Runs the handler and marks the row PROCESSED in one transaction; on failure marks it FAILED (next replay after
     * 60 s × 2^(failures − 1)) or, at the fifth failure, DEAD_LETTERED with an alert.
     *
     * @param failures the number of failed runs this event will have if this run fails too
     */
    boolean execute(UUID rowId, StripeEvent event, int failures) {
        try {
            StripeEventHandlers.Step step = handlers.prepare(event);
            transactions.executeWithoutResult(status -> {
                step.apply();
                store.markProcessed(rowId);
            });
            return true;
        } catch (RuntimeException e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (failures >= MAX_ATTEMPTS) {
                log.error("ALERT webhook {} ({}) dead-lettered after {} attempts: {}", event.id(), event.type(),
                        failures, reason);
                store.markFailed(rowId, reason, null);
            } else {
                log.warn("webhook {} ({}) failed (attempt {}): {}", event.id(), event.type(), failures, reason);
                store.markFailed(rowId, reason, FIRST_RETRY.multipliedBy(1L << (failures - 1)));
            }
            return false;
        }
    }

    private boolean firstSighting(String eventId) {
        try {
            return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent("order:webhook:" + eventId, "1", FAST_PATH_TTL));
        } catch (RuntimeException e) {
            return true; // Redis is only the fast path; the table decides
        }
    }
}
