package uk.co.lomashwood.order.webhook;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import uk.co.lomashwood.order.stripe.StripeEvent;
import uk.co.lomashwood.platform.events.lock.RedisLocks;

/**
 * retry-failed-webhooks (spec 20 §2.6): every 5 minutes, under {@code order:lock:job:retry-failed-webhooks}
 * (TTL 120 s), replays up to 50 FAILED events whose {@code nextRetryAt} has passed (and events left RECEIVED for
 * 5 minutes by an instance that stopped) through the same handlers; backoff 60, 120, 240, 480 s, then DEAD_LETTERED.
 */
@Component
public class WebhookRetries {

    static final int BATCH = 50;
    static final Duration STUCK = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(WebhookRetries.class);

    private final WebhookEventStore store;
    private final StoredEvents stored;
    private final WebhookProcessing processing;
    private final RedisLocks locks;

    public WebhookRetries(WebhookEventStore store, StoredEvents stored, WebhookProcessing processing, RedisLocks locks) {
        this.store = store;
        this.stored = stored;
        this.processing = processing;
        this.locks = locks;
    }

    /** The scheduled entry point: skipped when another instance holds the job lock. */
    public void runExclusively() {
        locks.runExclusively("order:lock:job:retry-failed-webhooks", Duration.ofSeconds(120), this::run);
    }

    /** @return how many replays succeeded */
    public int run() {
        int succeeded = 0;
        List<UUID> due = store.due(STUCK, BATCH);
        for (UUID id : due) {
            var claimed = store.claimForRetry(id);
            if (claimed.isEmpty()) {
                continue;
            }
            StripeEvent event = stored.parse(claimed.get().payload());
            if (processing.execute(id, event, claimed.get().retryCount() + 1)) {
                succeeded++;
            }
        }
        if (!due.isEmpty()) {
            log.info("retry-failed-webhooks replayed {} events, {} succeeded", due.size(), succeeded);
        }
        return succeeded;
    }
}
