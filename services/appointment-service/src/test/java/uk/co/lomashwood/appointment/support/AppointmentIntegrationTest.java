package uk.co.lomashwood.appointment.support;

import uk.co.lomashwood.platform.test.http.Reply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.test.PlatformTestProperties;
import uk.co.lomashwood.platform.test.http.HttpCalls;
import uk.co.lomashwood.platform.test.http.ServiceCaller;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of every integration test: one shared Spring context on a random port against the JVM-wide embedded
 * PostgreSQL ({@code appointment_it}) and Redis, with a fixed clock the tests set. Jobs are left to the tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lomash.events.consumer.enabled=false",
        "lomash.events.relay.enabled=false",
        "lomash.appointment.reminder-initial-delay=1h",
        "lomash.appointment.site-base-url=https://www.lomashwood.test"})
@Import(TestConfig.class)
public abstract class AppointmentIntegrationTest {

    /** Monday of the week whose Sunday (29 March 2026) the clocks go forward. */
    protected static final Instant MONDAY_BEFORE_SPRING_CHANGE = Instant.parse("2026-03-23T08:00:00Z");

    @LocalServerPort
    protected int port;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected Fixtures fixtures;
    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, "appointment_it");
    }

    protected ServiceCaller api() {
        return new ServiceCaller(port);
    }

    protected ServiceCaller admin() {
        return api().as(UUID.randomUUID(), "ADMIN");
    }

    /** A guest managing a booking with its manage token, as the gateway forwards it. */
    protected ServiceCaller guest(String token) {
        return api().with("X-Booking-Token", token);
    }

    protected static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    protected static Map<String, Object> customer() {
        return body("name", "Jane Customer", "email", "Jane.Customer@Example.com", "phone", "07700 900123",
                "postcode", "sw1a1aa", "address", "10 Downing Street, London");
    }

    protected static Map<String, Object> onlineBooking(UUID slotId, boolean kitchen, boolean bedroom) {
        return body("appointmentType", "ONLINE", "forKitchen", kitchen, "forBedroom", bedroom, "slotId", slotId,
                "customerDetails", customer());
    }

    /** The free grid entries of one consultant on a London date, earliest first. */
    protected List<JsonNode> freeSlots(UUID consultantId, LocalDate date) {
        Reply grid = api().get("/v1/appointments/availability?type=ONLINE&date=" + date + "&consultantId=" + consultantId);
        assertThat(grid.status()).as(grid.toString()).isEqualTo(200);
        return grid.data().get("slots").valueStream().filter(s -> s.get("isAvailable").asBoolean()).toList();
    }

    protected UUID firstFreeSlot(UUID consultantId, LocalDate date) {
        return UUID.fromString(freeSlots(consultantId, date).getFirst().get("id").asString());
    }

    /** {@code data} of the outbox events of {@code topic} for this booking, oldest first. */
    protected List<JsonNode> events(String topic, String aggregateId) {
        return jdbc.sql("SELECT payload::text FROM outbox WHERE topic = ? AND aggregate_id = ? ORDER BY created_at")
                .params(topic, aggregateId).query(String.class).list().stream()
                .map(json -> HttpCalls.JSON.readTree(json).get("data")).toList();
    }
}
