package uk.co.lomashwood.platform.events;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;
import uk.co.lomashwood.platform.events.outbox.OutboxRelay;
import uk.co.lomashwood.platform.test.EmbeddedRedisServer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OutboxRelayIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void relayRetriesWithBackoffWhileTheBusIsDownAndPublishesAfterRecovery() {
        EmbeddedRedisServer bus = EmbeddedRedisServer.start(null, 0);
        int port = bus.port();
        try (TestService service = TestService.start("it-relay-outage", "events_it_relay_outage",
                Map.of("spring.data.redis.url", bus.url() + "/" + TestService.OWN_DATABASE), TestHandlers.class)) {
            bus.close();
            UUID eventId = service.inTransaction(() -> service.bean(OutboxPublisher.class)
                    .publish("it.outage.happened", "agg", Map.of("n", 1))).eventId();

            await().atMost(PATIENCE).untilAsserted(() -> {
                Map<String, Object> row = outboxRow(service, eventId);
                assertThat((Integer) row.get("attempts")).isGreaterThanOrEqualTo(2);
                assertThat(row.get("published_at")).isNull();
                assertThat((String) row.get("last_error")).isNotBlank();
                assertThat((Boolean) row.get("backing_off")).isTrue();
            });

            bus = EmbeddedRedisServer.start(null, port);
            await().atMost(PATIENCE).until(() -> outboxRow(service, eventId).get("published_at") != null);
            assertThat(streamEventIds(bus, "it.outage.happened")).contains(eventId.toString());
            assertThat(outboxRow(service, eventId).get("last_error")).isNull();

            // the consumer of the same service recovered too (its streams and group were lost with the data)
            UUID afterRecovery = service.inTransaction(() -> service.bean(OutboxPublisher.class)
                    .publish(TestHandlers.CREATED, "agg", Map.of("n", 2))).eventId();
            await().atMost(PATIENCE).until(() -> service.jdbc().sql("SELECT count(*) FROM effects WHERE event_id = ?")
                    .param(afterRecovery).query(Long.class).single() == 1);
        } finally {
            bus.close();
        }
    }

    @Test
    void twoRelaysOnOneDatabasePublishEachEventOnce() {
        String topic = "it.load.generated";
        Map<String, Object> smallBatches = Map.of("lomash.events.relay.batch-size", "10");
        try (TestService first = TestService.start("it-relays", "events_it_relays", smallBatches, TestMetrics.class);
             TestService second = TestService.start("it-relays", "events_it_relays", smallBatches, TestMetrics.class)) {
            List<UUID> ids = first.inTransaction(() -> IntStream.range(0, 400)
                    .mapToObj(i -> first.bean(OutboxPublisher.class).publish(topic, "agg-" + i, Map.of("i", i)))
                    .map(EventEnvelope::eventId).toList());

            await().atMost(PATIENCE).until(() -> first.jdbc()
                    .sql("SELECT count(*) FROM outbox WHERE published_at IS NULL").query(Long.class).single() == 0);
            List<String> published = streamEventIds(EmbeddedRedisServer.shared(), topic);
            assertThat(published).hasSize(400).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(ids.stream().map(UUID::toString).toList());
            assertThat(publishCount(first, topic) + publishCount(second, topic)).isEqualTo(400);
            assertThat(first.bean(MeterRegistry.class).get("outbox.pending").gauge().value()).isZero();
        }
    }

    @Test
    void publishedRowsOlderThanTheRetentionArePruned() {
        try (TestService service = TestService.start("it-prune", "events_it_prune", Map.of())) {
            UUID old = insertPublished(service, "8 days");
            UUID recent = insertPublished(service, "6 days");
            UUID pending = service.inTransaction(() -> service.bean(OutboxPublisher.class)
                    .publish("it.prune.kept", null, Map.of())).eventId();

            await().atMost(PATIENCE).until(() -> service.jdbc()
                    .sql("SELECT count(*) FROM outbox WHERE published_at IS NULL").query(Long.class).single() == 0);

            service.bean(OutboxRelay.class).prunePublished();
            assertThat(service.jdbc().sql("SELECT event_id FROM outbox").query(UUID.class).list())
                    .containsExactlyInAnyOrder(recent, pending).doesNotContain(old);
        }
    }

    @Test
    void theInboxForgetsEventIdsOnlyAfterTheirRetention() {
        try (TestService service = TestService.start("it-prune-inbox", "events_it_prune_inbox", Map.of())) {
            UUID month = insertProcessed(service, "31 days");
            UUID fortnight = insertProcessed(service, "14 days");
            UUID today = insertProcessed(service, "1 minute");

            service.bean(OutboxRelay.class).pruneProcessed(); // the relay's own hourly pass may have run first
            assertThat(service.jdbc().sql("SELECT event_id FROM processed_events WHERE consumer = 'it-prune-inbox'")
                    .query(UUID.class).list()).containsExactlyInAnyOrder(fortnight, today).doesNotContain(month);
        }
    }

    private static UUID insertProcessed(TestService service, String age) {
        UUID eventId = UUID.randomUUID();
        service.jdbc().sql("""
                        INSERT INTO processed_events (event_id, consumer, topic, processed_at)
                        VALUES (?, 'it-prune-inbox', 'it.prune.handled', now() - CAST(? AS interval))""")
                .params(eventId, age).update();
        return eventId;
    }

    private static UUID insertPublished(TestService service, String age) {
        UUID eventId = UUID.randomUUID();
        service.jdbc().sql("""
                        INSERT INTO outbox (event_id, topic, payload, published_at)
                        VALUES (?, 'it.prune.old', '{}'::jsonb, now() - CAST(? AS interval))""")
                .params(eventId, age).update();
        return eventId;
    }

    private static Map<String, Object> outboxRow(TestService service, UUID eventId) {
        return service.jdbc().sql("""
                        SELECT attempts, published_at, last_error, next_attempt_at > created_at AS backing_off
                        FROM outbox WHERE event_id = ?""")
                .param(eventId).query().singleRow();
    }

    private static List<String> streamEventIds(EmbeddedRedisServer redis, String topic) {
        RedisClient client = RedisClient.create(redis.url() + "/" + TestService.BUS_DATABASE);
        try (var connection = client.connect()) {
            return connection.sync().xrange("events:" + topic, Range.create("-", "+")).stream()
                    .map(StreamMessage::getBody).map(body -> body.get("eventId")).toList();
        } finally {
            client.shutdown();
        }
    }

    private static double publishCount(TestService service, String topic) {
        return service.bean(MeterRegistry.class).counter("event.publish", "topic", topic, "outcome", "success")
                .count();
    }
}
