package uk.co.lomashwood.platform.events.transport.redis;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventJson;
import uk.co.lomashwood.platform.events.transport.EventDeliveryHandler;
import uk.co.lomashwood.platform.events.transport.EventSubscription;
import uk.co.lomashwood.platform.events.transport.EventTransport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Redis Streams bus: stream {@code events:{topic}} per topic (approximately capped), consumer group per consuming
 * service, and per group a re-drive stream {@code events:redrive:{group}} and a dead-letter stream
 * {@code events:dlq:{group}}.
 */
public class RedisStreamsEventTransport implements EventTransport {

    private final RedisConnectionFactory connectionFactory;
    private final StringRedisTemplate redis;
    private final EventJson json;
    private final RedisStreamsSettings settings;

    public RedisStreamsEventTransport(RedisConnectionFactory connectionFactory, EventJson json,
                                      RedisStreamsSettings settings) {
        this.connectionFactory = connectionFactory;
        this.redis = new StringRedisTemplate(connectionFactory);
        this.json = json;
        this.settings = settings;
    }

    @Override
    public void publish(EventEnvelope event) {
        append(StreamKeys.topic(event.topic()), event, settings.maxStreamLength());
    }

    @Override
    public EventSubscription subscribe(String consumerGroup, Set<String> topics, EventDeliveryHandler handler) {
        RedisStreamSubscription subscription =
                new RedisStreamSubscription(connectionFactory, consumerGroup, topics, handler, settings);
        subscription.start();
        return subscription;
    }

    @Override
    public void redeliver(String consumerGroup, EventEnvelope event) {
        append(StreamKeys.redrive(consumerGroup), event, settings.maxDlqLength());
    }

    private void append(String key, EventEnvelope event, long maxLength) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(StreamKeys.EVENT_ID, event.eventId().toString());
        fields.put(StreamKeys.TOPIC, event.topic());
        fields.put(StreamKeys.ENVELOPE, json.write(event));
        redis.opsForStream().add(StreamRecords.string(fields).withStreamKey(key),
                XAddOptions.maxlen(maxLength).approximateTrimming(true));
    }
}
