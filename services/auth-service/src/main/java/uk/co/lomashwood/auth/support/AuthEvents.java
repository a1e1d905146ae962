package uk.co.lomashwood.auth.support;

import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;

import java.util.UUID;

/**
 * Publishes {@code auth.*} events through the platform outbox, keyed by user id (spec 10 §2.6); must be
 * called inside the transaction that makes the change. Payloads are records with exactly the fields
 * of spec 00 §4.7 and never carry secrets.
 */
@Component
public class AuthEvents {

    private final OutboxPublisher outbox;

    public AuthEvents(OutboxPublisher outbox) {
        this.outbox = outbox;
    }

    public void publish(String topic, UUID userId, Object data) {
        outbox.publish(topic, userId.toString(), data);
    }
}
