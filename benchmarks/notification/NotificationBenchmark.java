import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import uk.co.lomashwood.notification.NotificationServiceApplication;
import uk.co.lomashwood.platform.core.id.Uuids;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.transport.EventTransport;
import uk.co.lomashwood.platform.test.EmbeddedPostgresServer;
import uk.co.lomashwood.platform.test.EmbeddedRedisServer;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issue #3's measurement (not part of ./mvnw verify): p50/p95/p99 time from an event published on the bus to the
 * SMTP server accepting the email, for N {@code order.payment.refund_issued} events (one email each).
 *
 * Starts embedded PostgreSQL and Redis (platform-test), a GreenMail SMTP server and notification-service itself,
 * then publishes the events through the platform's Redis Streams transport at RATE per second. "SMTP accepted" is
 * {@code notifications.sent_at}, written right after the SMTP server answered 250 to the message; "published"
 * is the envelope timestamp taken just before the XADD. Both come from the same JVM clock.
 *
 * Run: benchmarks/notification/run.sh [events=500] [ratePerSecond=50]
 */
public class NotificationBenchmark {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50;

        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.shared();
        String database = "notification_bench_" + System.currentTimeMillis();
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", 0);
        properties.put("spring.datasource.url", postgres.createDatabaseIfMissing(database));
        properties.put("spring.datasource.username", postgres.username());
        properties.put("spring.datasource.password", postgres.password());
        properties.put("spring.data.redis.url", EmbeddedRedisServer.shared().url().replaceAll("/\\d+$", "") + "/6");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", smtp.getSmtp().getPort());
        properties.put("lomash.security.internal-token", "benchmark-internal-token-0123456789");
        properties.put("logging.level.root", "WARN");
        // system properties: they outrank notification-service.yml (builder defaults would not)
        properties.forEach((key, value) -> System.setProperty(key, String.valueOf(value)));
        ConfigurableApplicationContext service = new SpringApplicationBuilder(NotificationServiceApplication.class).run();
        try {
            run(service, events, rate);
        } finally {
            service.close();
            smtp.stop();
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext service, int events, int rate) throws Exception {
        EventTransport bus = service.getBean(EventTransport.class);
        JdbcClient jdbc = service.getBean(JdbcClient.class);
        JsonMapper json = JsonMapper.builder().build();
        warmUp(bus, jdbc, json);

        Map<String, Instant> published = new LinkedHashMap<>();
        long pauseNanos = 1_000_000_000L / rate;
        long next = System.nanoTime();
        for (int i = 0; i < events; i++) {
            EventEnvelope event = refund(json, i);
            published.put(event.eventId().toString(), event.timestamp());
            bus.publish(event);
            next += pauseNanos;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(Duration.ofNanos(sleep));
            }
        }
        Instant deadline = Instant.now().plusSeconds(120);
        List<Map<String, Object>> sent;
        do {
            Thread.sleep(200);
            sent = jdbc.sql("SELECT source_event_id, created_at, sent_at FROM notifications WHERE sent_at IS NOT NULL AND template_slug = 'refund-issued-email' AND source_event_id IS NOT NULL")
                    .query().listOfRows();
        } while (count(sent, published) < events && Instant.now().isBefore(deadline));

        List<Long> micros = new ArrayList<>();
        List<Long> intake = new ArrayList<>();
        for (Map<String, Object> row : sent) {
            Instant at = published.get((String) row.get("source_event_id"));
            if (at != null) {
                micros.add(Duration.between(at, ((java.sql.Timestamp) row.get("sent_at")).toInstant()).toNanos() / 1000);
                intake.add(Duration.between(at, ((java.sql.Timestamp) row.get("created_at")).toInstant()).toNanos() / 1000);
            }
        }
        Collections.sort(micros);
        Collections.sort(intake);
        System.out.printf("events published: %d at %d/s; emails accepted by SMTP: %d%n", events, rate, micros.size());
        System.out.printf("event published -> SMTP accepted: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                pct(micros, 50), pct(micros, 95), pct(micros, 99), micros.getLast() / 1000.0);
        System.out.printf("  of which event published -> notification recorded: p50 %.1f ms, p95 %.1f ms%n",
                pct(intake, 50), pct(intake, 95));
    }

    private static void warmUp(EventTransport bus, JdbcClient jdbc, JsonMapper json) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            bus.publish(refund(json, -1 - i));
        }
        Thread.sleep(3000);
        jdbc.sql("UPDATE notifications SET source_event_id = NULL").update();
    }

    private static long count(List<Map<String, Object>> sent, Map<String, Instant> published) {
        return sent.stream().filter(row -> published.containsKey((String) row.get("source_event_id"))).count();
    }

    private static EventEnvelope refund(JsonMapper json, int i) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("refundId", UUID.randomUUID().toString());
        data.put("orderId", UUID.randomUUID().toString());
        data.put("orderNumber", "LW-B-" + (100000 + i));
        data.put("userId", null);
        data.put("amount", 249.99);
        data.put("currency", "GBP");
        data.put("reason", "REQUESTED_BY_CUSTOMER");
        data.put("customer", Map.of("email", "bench-" + UUID.randomUUID() + "@example.com", "firstName", "Sam"));
        return new EventEnvelope(Uuids.v7(), "order.payment.refund_issued", "1.0", Instant.now(), "order-payment-service",
                Uuids.v7().toString(), null, Map.of(), json.valueToTree(data));
    }

    private static double pct(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
