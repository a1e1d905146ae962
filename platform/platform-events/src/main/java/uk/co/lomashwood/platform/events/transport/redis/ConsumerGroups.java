package uk.co.lomashwood.platform.events.transport.redis;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.redis.connection.StringRedisConnection;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoConsumer;

import java.time.Duration;

/** Creates a consumer group on a stream (and the stream) if missing, and forgets consumers of earlier runs. */
final class ConsumerGroups {

    private static final Duration STALE_CONSUMER_IDLE = Duration.ofHours(1);

    private ConsumerGroups() {
    }

    static void ensure(StringRedisConnection redis, String key, Consumer consumer, boolean readFromStart) {
        try {
            redis.xGroupCreate(key, ReadOffset.from(readFromStart ? "0-0" : "$"), consumer.getGroup(), true);
        } catch (RuntimeException e) {
            if (!String.valueOf(NestedExceptionUtils.getMostSpecificCause(e).getMessage()).contains("BUSYGROUP")) {
                throw e;
            }
        }
        removeStaleConsumers(redis, key, consumer);
    }

    /** Every start uses a new consumer name; old names that own no pending message are noise. */
    private static void removeStaleConsumers(StringRedisConnection redis, String key, Consumer current) {
        for (XInfoConsumer old : redis.xInfoConsumers(key, current.getGroup())) {
            if (old.pendingCount() == 0 && old.idleTime().compareTo(STALE_CONSUMER_IDLE) > 0
                    && !old.consumerName().equals(current.getName())) {
                redis.xGroupDelConsumer(key, Consumer.from(current.getGroup(), old.consumerName()));
            }
        }
    }
}
