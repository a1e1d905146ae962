package uk.co.lomashwood.platform.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Handlers of the consuming test service; each records its calls and writes its effect to {@code effects}. */
@Configuration(proxyBeanMethods = false)
class TestHandlers {

    static final String CREATED = "it.thing.created";
    static final String REJECTED = "it.thing.rejected";
    static final String FLAKY = "it.thing.flaky";
    static final String ORPHANED = "it.thing.orphaned";

    @Bean
    Recording recording(DataSource dataSource) {
        return new Recording(JdbcClient.create(dataSource));
    }

    @Bean
    Rejecting rejecting(DataSource dataSource) {
        return new Rejecting(JdbcClient.create(dataSource));
    }

    @Bean
    Flaky flaky(DataSource dataSource) {
        return new Flaky(JdbcClient.create(dataSource));
    }

    abstract static class CountingHandler implements EventHandler {

        private final JdbcClient jdbc;
        private final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();
        final List<EventEnvelope> received = new CopyOnWriteArrayList<>();
        final Map<UUID, Instant> firstCalledAt = new ConcurrentHashMap<>();

        CountingHandler(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public final void handle(EventEnvelope event) {
            int call = calls.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet();
            received.add(event);
            firstCalledAt.putIfAbsent(event.eventId(), Instant.now());
            jdbc.sql("INSERT INTO effects (event_id, handler) VALUES (?, ?)").params(event.eventId(), name()).update();
            if (shouldFail(event, call)) {
                throw new IllegalStateException("test failure of " + name() + " on call " + call);
            }
        }

        abstract boolean shouldFail(EventEnvelope event, int call);

        int calls(UUID eventId) {
            AtomicInteger count = calls.get(eventId);
            return count == null ? 0 : count.get();
        }
    }

    /** Always succeeds. */
    static class Recording extends CountingHandler {

        Recording(JdbcClient jdbc) {
            super(jdbc);
        }

        @Override
        public Set<String> topics() {
            return Set.of(CREATED, ORPHANED);
        }

        @Override
        boolean shouldFail(EventEnvelope event, int call) {
            return false;
        }
    }

    /** Fails every call until the event is healed. */
    static class Rejecting extends CountingHandler {

        final Set<UUID> healed = ConcurrentHashMap.newKeySet();

        Rejecting(JdbcClient jdbc) {
            super(jdbc);
        }

        @Override
        public Set<String> topics() {
            return Set.of(REJECTED);
        }

        @Override
        boolean shouldFail(EventEnvelope event, int call) {
            return !healed.contains(event.eventId());
        }
    }

    /** Fails the first call of each event. */
    static class Flaky extends CountingHandler {

        Flaky(JdbcClient jdbc) {
            super(jdbc);
        }

        @Override
        public Set<String> topics() {
            return Set.of(FLAKY);
        }

        @Override
        boolean shouldFail(EventEnvelope event, int call) {
            return call == 1;
        }
    }
}
