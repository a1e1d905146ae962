package uk.co.lomashwood.notification.support;

import uk.co.lomashwood.platform.test.mail.Mailbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.test.PlatformTestProperties;
import uk.co.lomashwood.platform.test.http.HttpCalls;
import uk.co.lomashwood.platform.test.http.ServiceCaller;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Base of every integration test: one shared context on a random port against the JVM-wide embedded PostgreSQL
 * and Redis, GreenMail as SMTP server, Twilio and Firebase pointed at WireMock, and retry delays scaled down
 * (x0.01) so a whole retry schedule takes well under a second.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lomash.notification.retry-time-scale=0.01",
        "lomash.notification.poll-interval=100ms",
        "lomash.notification.redrive-interval=1h",
        "lomash.notification.public-api-url=https://www.lomashwood.test",
        "lomash.notification.base-url=https://www.lomashwood.test",
        "lomash.notification.sms.provider=twilio",
        "lomash.notification.sms.twilio-account-sid=" + ProviderStubs.TWILIO_SID,
        "lomash.notification.sms.twilio-auth-token=" + ProviderStubs.TWILIO_TOKEN,
        "lomash.notification.sms.twilio-from=+447700900000",
        "lomash.notification.push.provider=firebase",
        "lomash.notification.push.firebase-project-id=" + ProviderStubs.FIREBASE_PROJECT,
        "lomash.notification.ses.topic-arns=" + ProviderStubs.SES_TOPIC_ARN,
        "lomash.events.consumer.block-timeout=100ms",
        "lomash.events.relay.poll-interval=50ms"})
public abstract class NotificationIntegrationTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, "notification_it");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", Mailbox::port);
        registry.add("lomash.notification.sms.twilio-base-url", ProviderStubs::baseUrl);
        registry.add("lomash.notification.push.fcm-base-url", ProviderStubs::baseUrl);
        // SNS certificates and subscription confirmations come from the WireMock "AWS" in tests
        registry.add("lomash.notification.ses.aws-url-pattern",
                () -> "^" + java.util.regex.Pattern.quote(ProviderStubs.baseUrl() + "/sns/") + ".*$");
        registry.add("lomash.notification.push.firebase-credentials-json", ProviderStubs::firebaseCredentials);
    }

    protected ServiceCaller api() {
        return new ServiceCaller(port);
    }

    protected ServiceCaller admin() {
        return api().as(UUID.randomUUID(), "ADMIN");
    }

    protected static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    protected static String unique(String local) {
        return local + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    protected static String uniquePhone() {
        return "+447700" + (100000 + (int) (Math.random() * 899999));
    }

    /** A user auth-service has announced; returns once the contact directory holds their email (and phone). */
    protected UUID signedUp(uk.co.lomashwood.platform.events.transport.EventTransport bus, String email, String firstName,
                            String phone, String role) {
        UUID userId = UUID.randomUUID();
        bus.publish(Events.envelope("auth.user.created", "auth-service", body("userId", userId.toString(),
                "email", email, "firstName", firstName, "lastName", "Tester", "phone", phone, "role", role)));
        long contacts = phone == null ? 1 : 2;
        await(() -> jdbc.sql("SELECT count(*) FROM notification_subscriptions WHERE user_id = ?").param(userId)
                .query(Long.class).single(), n -> n == contacts);
        return userId;
    }

    protected String status(UUID notificationId) {
        return jdbc.sql("SELECT status FROM notifications WHERE id = ?").param(notificationId).query(String.class).single();
    }

    protected List<String> attemptOutcomes(UUID notificationId) {
        return jdbc.sql("SELECT outcome FROM notification_attempts WHERE notification_id = ? ORDER BY attempt_no")
                .param(notificationId).query(String.class).list();
    }

    /** {@code data} of the outbox events of {@code topic} about this notification. */
    protected List<JsonNode> events(String topic, UUID notificationId) {
        return jdbc.sql("SELECT payload::text FROM outbox WHERE topic = ? AND aggregate_id = ? ORDER BY created_at")
                .params(topic, notificationId.toString()).query(String.class).list().stream()
                .map(HttpCalls.JSON::readTree).toList();
    }

    protected static <T> T await(Supplier<T> value, java.util.function.Predicate<T> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        T current = value.get();
        while (!done.test(current)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out; last value " + current);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            current = value.get();
        }
        return current;
    }

    protected String awaitStatus(UUID id, String expected) {
        return await(() -> status(id), expected::equals);
    }
}
