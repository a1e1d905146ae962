package uk.co.lomashwood.platform.events;

import io.lettuce.core.Consumer;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import uk.co.lomashwood.platform.core.id.Uuids;
import uk.co.lomashwood.platform.events.inbox.DeadLetterRedrive;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;
import uk.co.lomashwood.platform.events.transport.EventTransport;
import uk.co.lomashwood.platform.test.EmbeddedRedisServer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A producing and a consuming service in one JVM, on real PostgreSQL and Redis. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventDeliveryIntegrationTest {

    private static final String PRODUCER = "it-producer";
    private static final String CONSUMER = "it-consumer";
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private RedisClient redisClient;
    private RedisCommands<String, String> redis;
    private TestService producer;
    private TestService consumer;
    private UUID orphanedEventId;
    private Instant orphanedAt;

    @BeforeAll
    void startServices() {
        redisClient = RedisClient.create(EmbeddedRedisServer.shared().url() + "/" + TestService.BUS_DATABASE);
        StatefulRedisConnection<String, String> connection = redisClient.connect();
        redis = connection.sync();
        takeAMessageAndCrash();
        producer = TestService.start(PRODUCER, "events_it_producer", Map.of());
        consumer = TestService.start(CONSUMER, "events_it_consumer", Map.of(), TestHandlers.class, TestMetrics.class);
    }

    @AfterAll
    void stopServices() {
        consumer.close();
        producer.close();
        redisClient.shutdown();
    }

    @Test
    void committedEventReachesTheHandlerOfAnotherService() {
        MDC.put("requestId", "req-committed-0001");
        EventEnvelope sent;
        try {
            sent = publish(TestHandlers.CREATED, Map.of("thingId", "t-1"));
        } finally {
            MDC.remove("requestId");
        }

        awaitEffects(sent.eventId(), 1);
        EventEnvelope received = handler(TestHandlers.Recording.class).received.stream()
                .filter(event -> event.eventId().equals(sent.eventId())).findFirst().orElseThrow();
        assertThat(received.source()).isEqualTo(PRODUCER);
        assertThat(received.correlationId()).isEqualTo("req-committed-0001");
        assertThat(received.metadata()).containsEntry("aggregateId", "agg-1");
        assertThat(received.data().get("thingId").stringValue()).isEqualTo("t-1");
        assertThat(producer.jdbc().sql("SELECT published_at IS NOT NULL FROM outbox WHERE event_id = ?")
                .param(sent.eventId()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void rolledBackEventIsNeverDelivered() {
        EventEnvelope[] rolledBack = new EventEnvelope[1];
        producer.inRolledBackTransaction(() -> rolledBack[0] = producer.bean(OutboxPublisher.class)
                .publish(TestHandlers.CREATED, "agg-2", Map.of("thingId", "rolled-back")));
        EventEnvelope committedAfter = publish(TestHandlers.CREATED, Map.of("thingId", "committed"));

        awaitEffects(committedAfter.eventId(), 1);
        assertThat(effects(rolledBack[0].eventId())).isZero();
        assertThat(handler(TestHandlers.Recording.class).calls(rolledBack[0].eventId())).isZero();
        assertThat(producer.jdbc().sql("SELECT count(*) FROM outbox WHERE event_id = ?")
                .param(rolledBack[0].eventId()).query(Long.class).single()).isZero();
    }

    @Test
    void sameEventDeliveredAgainTakesEffectOnce() {
        EventTransport transport = producer.bean(EventTransport.class);
        EventEnvelope event = envelope(TestHandlers.CREATED, "1.0");
        transport.publish(event);
        transport.publish(event);
        awaitEffects(event.eventId(), 1);
        // Without the Redis fast path the database inbox alone must still recognise the duplicate.
        redis.del("it-consumer:processed:" + event.eventId());
        transport.publish(event);
        EventEnvelope marker = envelope(TestHandlers.CREATED, "1.0");
        transport.publish(marker);

        awaitEffects(marker.eventId(), 1); // same stream, one consumer: the duplicates were handled before
        assertThat(effects(event.eventId())).isEqualTo(1);
        assertThat(handler(TestHandlers.Recording.class).calls(event.eventId())).isEqualTo(1);
        assertThat(consumer.jdbc().sql("SELECT count(*) FROM processed_events WHERE event_id = ?")
                .param(event.eventId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void handlerFailingEveryTimeIsDeadLetteredAfterThreeAttempts() {
        EventEnvelope sent = publish(TestHandlers.REJECTED, Map.of("thingId", "never"));

        await().atMost(PATIENCE).until(() -> openDeadLetters(sent.eventId()) == 1);
        Map<String, Object> deadLetter = consumer.jdbc()
                .sql("SELECT consumer, reason, attempts, topic FROM dead_letter_events WHERE event_id = ?")
                .param(sent.eventId()).query().singleRow();
        assertThat(deadLetter).containsEntry("consumer", "Rejecting").containsEntry("reason", "HANDLER_FAILED")
                .containsEntry("attempts", 3).containsEntry("topic", TestHandlers.REJECTED);
        assertThat(handler(TestHandlers.Rejecting.class).calls(sent.eventId())).isEqualTo(3);
        assertThat(effects(sent.eventId())).isZero();
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(deadLetterStreamEventIds()).contains(sent.eventId().toString());
            assertThat(redis.xpending("events:" + TestHandlers.REJECTED, CONSUMER).getCount()).isZero();
        });
        sleep(Duration.ofMillis(600)); // longer than every retry backoff: no 4th attempt may follow
        assertThat(handler(TestHandlers.Rejecting.class).calls(sent.eventId())).isEqualTo(3);
        MeterRegistry meters = consumer.bean(MeterRegistry.class);
        assertThat(meters.counter("event.consume", "topic", TestHandlers.REJECTED, "status", "dead_lettered").count())
                .isPositive();
        assertThat(meters.get("dlq.messages").tag("queue", CONSUMER).gauge().value()).isPositive();
    }

    @Test
    void redrivenDeadLetterIsHandledAfterTheFix() {
        EventEnvelope sent = publish(TestHandlers.REJECTED, Map.of("thingId", "fixed-later"));
        await().atMost(PATIENCE).until(() -> openDeadLetters(sent.eventId()) == 1);
        UUID deadLetterId = consumer.jdbc().sql("SELECT id FROM dead_letter_events WHERE event_id = ?")
                .param(sent.eventId()).query(UUID.class).single();

        handler(TestHandlers.Rejecting.class).healed.add(sent.eventId());
        DeadLetterRedrive redrive = consumer.bean(DeadLetterRedrive.class);
        assertThat(redrive.redrive(deadLetterId)).isEqualTo(DeadLetterRedrive.Result.REDRIVEN);

        awaitEffects(sent.eventId(), 1);
        assertThat(handler(TestHandlers.Rejecting.class).calls(sent.eventId())).isEqualTo(4);
        assertThat(openDeadLetters(sent.eventId())).isZero();
        assertThat(redrive.redrive(deadLetterId)).isEqualTo(DeadLetterRedrive.Result.ALREADY_REDRIVEN);
    }

    @Test
    void handlerFailingOnceIsRetriedAndAppliedOnce() {
        EventEnvelope sent = publish(TestHandlers.FLAKY, Map.of("thingId", "flaky"));

        awaitEffects(sent.eventId(), 1);
        assertThat(handler(TestHandlers.Flaky.class).calls(sent.eventId())).isEqualTo(2);
        assertThat(openDeadLetters(sent.eventId())).isZero();
    }

    @Test
    void malformedMessagesAndUnknownMajorVersionsAreDeadLetteredAtOnce() {
        String marker = "not json " + UUID.randomUUID();
        redis.xadd("events:" + TestHandlers.CREATED, Map.of("envelope", marker));
        EventEnvelope fromTheFuture = envelope(TestHandlers.CREATED, "2.0");
        producer.bean(EventTransport.class).publish(fromTheFuture);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(consumer.jdbc().sql("SELECT reason FROM dead_letter_events WHERE payload = ?")
                    .param(marker).query(String.class).list()).containsExactly("MALFORMED");
            assertThat(consumer.jdbc().sql("SELECT reason FROM dead_letter_events WHERE payload LIKE ?")
                    .param("%" + fromTheFuture.eventId() + "%").query(String.class).list())
                    .containsExactly("UNSUPPORTED_VERSION");
        });
        assertThat(handler(TestHandlers.Recording.class).calls(fromTheFuture.eventId())).isZero();
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(redis.xpending("events:" + TestHandlers.CREATED, CONSUMER).getCount()).isZero());
    }

    @Test
    void messageOfACrashedConsumerIsRedeliveredAfterTheVisibilityTimeout() {
        awaitEffects(orphanedEventId, 1);
        Instant handledAt = handler(TestHandlers.Recording.class).firstCalledAt.get(orphanedEventId);
        // the visibility timeout (1.5 s) counts from the crashed consumer's read, just before orphanedAt
        assertThat(Duration.between(orphanedAt, handledAt)).isGreaterThan(Duration.ofMillis(1400));
        assertThat(handler(TestHandlers.Recording.class).calls(orphanedEventId)).isEqualTo(1);
    }

    /** Before the consumer starts, another consumer of its group takes a message and never acknowledges it. */
    private void takeAMessageAndCrash() {
        String key = "events:" + TestHandlers.ORPHANED;
        EventEnvelope event = envelope(TestHandlers.ORPHANED, "1.0");
        redis.xgroupCreate(XReadArgs.StreamOffset.from(key, "0-0"), CONSUMER,
                XGroupCreateArgs.Builder.mkstream());
        redis.xadd(key, Map.of("envelope", new EventJson(JsonMapper.shared())
                .write(event)));
        List<StreamMessage<String, String>> taken = redis.xreadgroup(Consumer.from(CONSUMER, "crashed-instance"),
                XReadArgs.StreamOffset.lastConsumed(key));
        assertThat(taken).hasSize(1);
        orphanedEventId = event.eventId();
        orphanedAt = Instant.now();
    }

    private EventEnvelope publish(String topic, Map<String, Object> data) {
        return producer.inTransaction(() -> producer.bean(OutboxPublisher.class).publish(topic, "agg-1", data));
    }

    private static EventEnvelope envelope(String topic, String version) {
        return new EventEnvelope(Uuids.v7(), topic, version, Instant.now(), "it-test", "corr-1", null, Map.of(),
                JsonNodeFactory.instance.objectNode().put("thingId", "direct"));
    }

    private <T extends EventHandler> T handler(Class<T> type) {
        return consumer.bean(type);
    }

    private void awaitEffects(UUID eventId, int expected) {
        await().atMost(PATIENCE).until(() -> effects(eventId) == expected);
    }

    private long effects(UUID eventId) {
        return consumer.jdbc().sql("SELECT count(*) FROM effects WHERE event_id = ?").param(eventId)
                .query(Long.class).single();
    }

    private long openDeadLetters(UUID eventId) {
        return consumer.jdbc().sql("SELECT count(*) FROM dead_letter_events WHERE event_id = ? AND redriven_at IS NULL")
                .param(eventId).query(Long.class).single();
    }

    private List<String> deadLetterStreamEventIds() {
        return redis.xrange("events:dlq:" + CONSUMER, Range.create("-", "+")).stream()
                .map(message -> message.getBody().get("eventId")).toList();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
