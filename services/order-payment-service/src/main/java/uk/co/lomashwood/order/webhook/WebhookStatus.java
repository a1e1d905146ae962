package uk.co.lomashwood.order.webhook;

/** {@code webhook_events.status} (spec 20 §2.2, ours). */
public enum WebhookStatus {
    RECEIVED, PROCESSED, FAILED, IGNORED, DEAD_LETTERED
}
