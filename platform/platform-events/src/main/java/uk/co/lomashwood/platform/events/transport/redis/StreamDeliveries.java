package uk.co.lomashwood.platform.events.transport.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.RedisStreamCommands.XClaimOptions;
import org.springframework.data.redis.connection.StringRedisConnection;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.connection.stream.StringRecord;
import uk.co.lomashwood.platform.events.transport.Delivery;
import uk.co.lomashwood.platform.events.transport.DeliveryResult;
import uk.co.lomashwood.platform.events.transport.EventDeliveryHandler;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Hands stream messages to the handler and settles them: XACK when processed, XADD to the dead-letter stream and XACK
 * when dead-lettered, nothing on retry (the message stays pending until {@link #reclaimDue} takes it back).
 */
final class StreamDeliveries {

    private static final Logger log = LoggerFactory.getLogger(StreamDeliveries.class);
    private static final long PENDING_SCAN_LIMIT = 100;

    private final Consumer consumer;
    private final EventDeliveryHandler handler;
    private final RedisStreamsSettings settings;

    StreamDeliveries(Consumer consumer, EventDeliveryHandler handler, RedisStreamsSettings settings) {
        this.consumer = consumer;
        this.handler = handler;
        this.settings = settings;
    }

    void deliver(StringRedisConnection redis, StringRecord record, int attempt) {
        String key = record.getStream();
        DeliveryResult result;
        try {
            result = handler.handle(new Delivery(record.getValue().get(StreamKeys.ENVELOPE), attempt,
                    settings.maxAttempts()));
        } catch (RuntimeException e) {
            log.warn("Delivery of {} {} failed (attempt {})", key, record.getId(), attempt, e);
            result = DeliveryResult.retry(e.toString());
        }
        switch (result.outcome()) {
            case PROCESSED -> redis.xAck(key, consumer.getGroup(), record.getId());
            case DEAD_LETTERED -> {
                moveToDeadLetterStream(redis, record, attempt, result.detail());
                redis.xAck(key, consumer.getGroup(), record.getId());
            }
            case RETRY -> log.debug("{} {} will be retried after attempt {}", key, record.getId(), attempt);
        }
    }

    /**
     * Takes back pending messages that are due again: our own after the retry backoff of their delivery count,
     * other consumers' only after the visibility timeout (they may still be working on them; if they crashed nobody
     * is). XPENDING + XCLAIM rather than XAUTOCLAIM because XPENDING reports the delivery count, i.e. the attempt.
     */
    void reclaimDue(StringRedisConnection redis, String key, BooleanSupplier running) {
        for (PendingMessage message : redis.xPending(key, consumer.getGroup(), Range.unbounded(), PENDING_SCAN_LIMIT,
                settings.shortestBackoff())) {
            if (!running.getAsBoolean()) {
                return;
            }
            Duration due = dueAfter(message);
            if (message.getElapsedTimeSinceLastDelivery().compareTo(due) < 0) {
                continue;
            }
            List<StringRecord> claimed = redis.xClaim(key, consumer.getGroup(), consumer.getName(),
                    XClaimOptions.minIdle(due).ids(message.getId()));
            if (claimed == null || claimed.isEmpty()) {
                forgetIfTrimmed(redis, key, message.getId());
            } else {
                deliver(redis, claimed.getFirst(), (int) message.getTotalDeliveryCount() + 1);
            }
        }
    }

    private Duration dueAfter(PendingMessage message) {
        Duration backoff = settings.backoffAfter(message.getTotalDeliveryCount());
        boolean ours = consumer.getName().equals(message.getConsumerName());
        return ours || backoff.compareTo(settings.visibilityTimeout()) >= 0 ? backoff : settings.visibilityTimeout();
    }

    private void moveToDeadLetterStream(StringRedisConnection redis, StringRecord record, int attempt, String reason) {
        Map<String, String> fields = new LinkedHashMap<>(record.getValue());
        fields.put("reason", String.valueOf(reason));
        fields.put("sourceStream", record.getStream());
        fields.put("sourceId", record.getId().getValue());
        fields.put("attempts", Integer.toString(attempt));
        redis.xAdd(StreamRecords.string(fields).withStreamKey(StreamKeys.deadLetters(consumer.getGroup())),
                XAddOptions.maxlen(settings.maxDlqLength()).approximateTrimming(true));
    }

    /** A pending entry whose message was trimmed away can never be claimed; drop it from the pending list. */
    private void forgetIfTrimmed(StringRedisConnection redis, String key, RecordId id) {
        String value = id.getValue();
        if (redis.xRange(key, Range.closed(value, value)).isEmpty()) {
            redis.xAck(key, consumer.getGroup(), id);
            log.warn("Dropped pending {} {}: the message is no longer in the stream", key, value);
        }
    }
}
