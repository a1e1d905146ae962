package uk.co.lomashwood.platform.events.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventJson;
import uk.co.lomashwood.platform.events.MalformedEventException;
import uk.co.lomashwood.platform.events.transport.EventTransport;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Operator re-drive (spec 00 §4.4): sends dead letters back to this service's consumer group only, after a fix.
 * Handlers that already processed the event skip it again; the dead letter is marked {@code redriven_at}, and a new
 * dead letter is written if the handler fails three more times.
 */
public class DeadLetterRedrive {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRedrive.class);

    public enum Result { REDRIVEN, NOT_FOUND, ALREADY_REDRIVEN, NOT_REDRIVABLE }

    private final String consumerGroup;
    private final DeadLetterStore store;
    private final TransactionTemplate transactions;
    private final EventTransport transport;
    private final EventJson json;

    public DeadLetterRedrive(String consumerGroup, JdbcClient jdbc, TransactionTemplate transactions,
                             EventTransport transport, EventJson json) {
        this.consumerGroup = consumerGroup;
        this.store = new DeadLetterStore(jdbc);
        this.transactions = transactions;
        this.transport = transport;
        this.json = json;
    }

    /** Open (not yet re-driven) dead letters, oldest first. */
    public List<DeadLetter> open(int limit) {
        return store.findOpen(limit);
    }

    public long countOpen() {
        return store.countOpen();
    }

    /** Re-drives one dead letter; malformed messages cannot be re-driven ({@link Result#NOT_REDRIVABLE}). */
    public Result redrive(UUID deadLetterId) {
        return transactions.execute(status -> {
            Optional<DeadLetter> found = store.lock(deadLetterId);
            if (found.isEmpty()) {
                return Result.NOT_FOUND;
            }
            DeadLetter deadLetter = found.get();
            if (deadLetter.redrivenAt() != null) {
                return Result.ALREADY_REDRIVEN;
            }
            EventEnvelope event;
            try {
                event = json.read(deadLetter.payload());
            } catch (MalformedEventException e) {
                return Result.NOT_REDRIVABLE;
            }
            transport.redeliver(consumerGroup, event);
            store.markRedriven(deadLetterId);
            log.info("Re-drove dead letter {} (event {}, {})", deadLetterId, event.eventId(), event.topic());
            return Result.REDRIVEN;
        });
    }

    /** Re-drives up to {@code limit} open dead letters; returns how many were re-driven. */
    public int redriveOpen(int limit) {
        int redriven = 0;
        for (DeadLetter deadLetter : store.findOpen(limit)) {
            if (redrive(deadLetter.id()) == Result.REDRIVEN) {
                redriven++;
            }
        }
        return redriven;
    }
}
