package uk.co.lomashwood.platform.events.transport.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.DefaultStringRedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.StringRedisConnection;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StringRecord;
import uk.co.lomashwood.platform.events.transport.EventDeliveryHandler;
import uk.co.lomashwood.platform.events.transport.EventSubscription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One consumer (this JVM) of one consumer group, polling on a virtual thread: blocking XREADGROUP for new messages,
 * and between reads {@link StreamDeliveries#reclaimDue} for pending ones. Survives Redis outages and restarts.
 */
final class RedisStreamSubscription implements EventSubscription {

    private static final Logger log = LoggerFactory.getLogger(RedisStreamSubscription.class);
    private static final Duration MAX_ERROR_PAUSE = Duration.ofSeconds(5);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(20);

    private final RedisConnectionFactory connectionFactory;
    private final Consumer consumer;
    private final List<String> keys;
    private final StreamDeliveries deliveries;
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
        this.consumer = Consumer.from(group, group + "-" + UUID.randomUUID().toString().substring(0, 8));
        this.keys = new ArrayList<>(topics.stream().sorted().map(StreamKeys::topic).toList());
        this.keys.add(StreamKeys.redrive(group));
        this.deliveries = new StreamDeliveries(consumer, handler, settings);
        this.settings = settings;
        this.reclaimIntervalNanos = Math.max(settings.shortestBackoff().toNanos() / 2, Duration.ofMillis(20).toNanos());
    }

    void start() {
        running = true;
        worker = Thread.ofVirtual().name("events-consumer-" + consumer.getGroup()).start(this::run);
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
            keys.forEach(key -> ConsumerGroups.ensure(redis, key, consumer, settings.readFromStart()));
            groupsReady = true;
        }
        if (System.nanoTime() - nextReclaimAt >= 0) {
            keys.forEach(key -> deliveries.reclaimDue(redis, key, () -> running));
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
            deliveries.deliver(redis, record, 1);
        }
    }

    private StringRedisConnection connection() {
        if (connection == null || connection.isClosed()) {
            // Our own long-lived connection, so blocking reads reuse one dedicated Redis connection.
            connection = new DefaultStringRedisConnection(connectionFactory.getConnection());
        }
        return connection;
    }

    private void pauseAfter(RuntimeException error) {
        consecutiveErrors++;
        groupsReady = false; // the streams may be gone, e.g. after a Redis restart without persistence
        closeConnection();
        if (consecutiveErrors == 1) {
            log.warn("Event consumer {} lost Redis, retrying: {}", consumer.getGroup(), error.toString());
        } else {
            log.debug("Event consumer {} still failing ({})", consumer.getGroup(), consecutiveErrors, error);
        }
        try {
            Thread.sleep(Math.min(MAX_ERROR_PAUSE.toMillis(), 100L << Math.min(consecutiveErrors, 6)));
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
