package uk.co.lomashwood.platform.events.transport.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.DefaultStringRedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.RedisStreamCommands.XClaimOptions;
import org.springframework.data.redis.connection.StringRedisConnection;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoConsumer;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.connection.stream.StringRecord;
import uk.co.lomashwood.platform.events.transport.Delivery;
import uk.co.lomashwood.platform.events.transport.DeliveryResult;
import uk.co.lomashwood.platform.events.transport.EventDeliveryHandler;
import uk.co.lomashwood.platform.events.transport.EventSubscription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One consumer (this JVM) of one consumer group, running on a virtual thread: XREADGROUP new messages, and take back
 * pending ones that are due again: its own failed messages after the retry backoff, other consumers' messages only
 * after the visibility timeout (they may still be working on them; if they crashed nobody is). XPENDING + XCLAIM is
 * used rather than XAUTOCLAIM because it also reports each message's delivery count, which is the attempt number.
 */
final class RedisStreamSubscription implements EventSubscription {

    private static final Logger log = LoggerFactory.getLogger(RedisStreamSubscription.class);
    private static final long PENDING_SCAN_LIMIT = 100;
    private static final Duration STALE_CONSUMER_IDLE = Duration.ofHours(1);
    private static final Duration MAX_ERROR_PAUSE = Duration.ofSeconds(5);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(20);

    private final RedisConnectionFactory connectionFactory;
    private final String group;
    private final Consumer consumer;
    private final List<String> keys;
    private final EventDeliveryHandler handler;
    private final RedisStreamsSettings settings;
    private final long reclaimIntervalNanos;

    private volatile boolean running;
    private Thread worker;

    // Only touched by the worker thread.
    private StringRedisConnection connection;
    private boolean groupsReady;
    private long nextReclaimAt;
    private int consecutiveErrors;

    RedisStreamSubscription(RedisConnectionFactory connectionFactory, String group, Set<String> topics,
                            EventDeliveryHandler handler, RedisStreamsSettings settings) {
        this.connectionFactory = connectionFactory;
        this.group = group;
        this.consumer = Consumer.from(group, group + "-" + UUID.randomUUID().toString().substring(0, 8));
        this.keys = new ArrayList<>(topics.stream().sorted().map(StreamKeys::topic).toList());
        this.keys.add(StreamKeys.redrive(group));
        this.handler = handler;
        this.settings = settings;
        this.reclaimIntervalNanos = Math.max(settings.shortestBackoff().toNanos() / 2, Duration.ofMillis(20).toNanos());
    }

    void start() {
        running = true;
        worker = Thread.ofVirtual().name("events-consumer-" + group).start(this::run);
        log.info("Consuming {} as {}", keys, consumer);
    }

    @Override
    public void close() {
        running = false;
        try {
            if (!worker.join(SHUTDOWN_WAIT)) {
                worker.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            try {
                pollOnce();
                consecutiveErrors = 0;
            } catch (RuntimeException e) {
                if (running) {
                    pauseAfter(e);
                }
            }
        }
        closeConnection();
    }

    private void pollOnce() {
        StringRedisConnection redis = connection();
        if (!groupsReady) {
            keys.forEach(key -> createGroup(redis, key));
            groupsReady = true;
        }
        if (System.nanoTime() - nextReclaimAt >= 0) {
            keys.forEach(key -> reclaimDue(redis, key));
            nextReclaimAt = System.nanoTime() + reclaimIntervalNanos;
        }
        List<StringRecord> records = redis.xReadGroupAsString(consumer,
                StreamReadOptions.empty().count(settings.batchSize()).block(settings.blockTimeout()),
                keys.stream().map(key -> StreamOffset.create(key, ReadOffset.lastConsumed()))
                        .toArray(StreamOffset[]::new));
        for (StringRecord record : records == null ? List.<StringRecord>of() : records) {
            if (!running) {
                return; // stays pending; delivered again after the visibility timeout
            }
            deliver(redis, record, 1);
        }
    }

    private void reclaimDue(StringRedisConnection redis, String key) {
        for (PendingMessage message : redis.xPending(key, group, Range.unbounded(), PENDING_SCAN_LIMIT,
                settings.shortestBackoff())) {
            if (!running) {
                return;
            }
            Duration due = settings.backoffAfter(message.getTotalDeliveryCount());
            if (!consumer.getName().equals(message.getConsumerName())
                    && due.compareTo(settings.visibilityTimeout()) < 0) {
                due = settings.visibilityTimeout();
            }
            if (message.getElapsedTimeSinceLastDelivery().compareTo(due) < 0) {
                continue;
            }
            List<StringRecord> claimed = redis.xClaim(key, group, consumer.getName(),
                    XClaimOptions.minIdle(due).ids(message.getId()));
            if (claimed == null || claimed.isEmpty()) {
                forgetIfTrimmed(redis, key, message.getId());
            } else {
                deliver(redis, claimed.getFirst(), (int) message.getTotalDeliveryCount() + 1);
            }
        }
    }

    private void deliver(StringRedisConnection redis, StringRecord record, int attempt) {
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
            case PROCESSED -> redis.xAck(key, group, record.getId());
            case DEAD_LETTERED -> {
                moveToDeadLetterStream(redis, record, attempt, result.detail());
                redis.xAck(key, group, record.getId());
            }
            case RETRY -> log.debug("{} {} will be retried after attempt {}", key, record.getId(), attempt);
        }
    }

    private void moveToDeadLetterStream(StringRedisConnection redis, StringRecord record, int attempt, String reason) {
        Map<String, String> fields = new LinkedHashMap<>(record.getValue());
        fields.put("reason", String.valueOf(reason));
        fields.put("sourceStream", record.getStream());
        fields.put("sourceId", record.getId().getValue());
        fields.put("attempts", Integer.toString(attempt));
        redis.xAdd(StreamRecords.string(fields).withStreamKey(StreamKeys.deadLetters(group)),
                XAddOptions.maxlen(settings.maxDlqLength()).approximateTrimming(true));
    }

    /** A pending entry whose message was trimmed away can never be claimed; drop it from the pending list. */
    private void forgetIfTrimmed(StringRedisConnection redis, String key, RecordId id) {
        String value = id.getValue();
        if (redis.xRange(key, Range.closed(value, value)).isEmpty()) {
            redis.xAck(key, group, id);
            log.warn("Dropped pending {} {}: the message is no longer in the stream", key, value);
        }
    }

    private void createGroup(StringRedisConnection redis, String key) {
        try {
            redis.xGroupCreate(key, ReadOffset.from(settings.readFromStart() ? "0-0" : "$"), group, true);
        } catch (RuntimeException e) {
            if (!String.valueOf(NestedExceptionUtils.getMostSpecificCause(e).getMessage()).contains("BUSYGROUP")) {
                throw e;
            }
        }
        removeStaleConsumers(redis, key);
    }

    /** Every start uses a new consumer name; forget old ones that own nothing. */
    private void removeStaleConsumers(StringRedisConnection redis, String key) {
        for (XInfoConsumer old : redis.xInfoConsumers(key, group)) {
            if (old.pendingCount() == 0 && old.idleTime().compareTo(STALE_CONSUMER_IDLE) > 0) {
                redis.xGroupDelConsumer(key, Consumer.from(group, old.consumerName()));
            }
        }
    }

    private StringRedisConnection connection() {
        if (connection == null || connection.isClosed()) {
            // A long-lived connection of our own: blocking reads then reuse one dedicated Redis connection.
            connection = new DefaultStringRedisConnection(connectionFactory.getConnection());
        }
        return connection;
    }

    private void pauseAfter(RuntimeException error) {
        consecutiveErrors++;
        groupsReady = false; // the streams may be gone, e.g. after a Redis restart without persistence
        closeConnection();
        if (consecutiveErrors == 1) {
            log.warn("Event consumer {} lost Redis, retrying: {}", group, error.toString());
        } else {
            log.debug("Event consumer {} still failing ({})", group, consecutiveErrors, error);
        }
        long pauseMillis = Math.min(MAX_ERROR_PAUSE.toMillis(), 100L << Math.min(consecutiveErrors, 6));
        try {
            Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException ignored) {
                // already broken
            }
            connection = null;
        }
    }
}
