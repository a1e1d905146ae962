package uk.co.lomashwood.appointment.booking;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.appointment.reminder.ReminderDispatch;
import uk.co.lomashwood.appointment.reminder.ReminderOutcomes;
import uk.co.lomashwood.appointment.support.AppointmentIntegrationTest;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;
import uk.co.lomashwood.platform.test.http.HttpCalls;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InboundEventsTest extends AppointmentIntegrationTest {

    @Autowired
    private AccountLinking linking;
    @Autowired
    private CustomerErasure erasure;
    @Autowired
    private ReminderOutcomes outcomes;
    @Autowired
    private ReminderDispatch dispatch;
    @Autowired
    private TransactionTemplate transactions;

    private void deliver(EventHandler handler, String topic, Map<String, Object> data) {
        JsonNode tree = HttpCalls.JSON.valueToTree(data);
        EventEnvelope event = new EventEnvelope(UUID.randomUUID(), topic, "1.0", Instant.now(), "test", "test", null,
                Map.of(), tree);
        transactions.executeWithoutResult(tx -> handler.handle(event));
    }

    private String guestBooking(UUID consultant, LocalDate date, String email) {
        Map<String, Object> request = onlineBooking(firstFreeSlot(consultant, date), true, false);
        @SuppressWarnings("unchecked") Map<String, Object> customer = (Map<String, Object>) request.get("customerDetails");
        customer.put("email", email);
        return api().post("/v1/appointments", request).data().get("id").asString();
    }

    @Test
    void aVerifiedEmailAdoptsTheGuestBookingsAndErasureCancelsAndAnonymisesThem() {
        clock.set(MONDAY_BEFORE_SPRING_CHANGE);
        UUID consultant = fixtures.consultant();
        String email = "guest-" + UUID.randomUUID() + "@example.com";
        String id = guestBooking(consultant, LocalDate.of(2026, 5, 5), email);
        UUID user = UUID.randomUUID();

        deliver(linking, "auth.email.verified", Map.of("userId", user, "email", email.toUpperCase()));
        assertThat(api().as(user, "CUSTOMER").get("/v1/appointments/" + id).status()).isEqualTo(200);

        deliver(erasure, "customer.user.erased", Map.of("userId", user));
        JsonNode erased = admin().get("/v1/appointments/" + id).data();
        assertThat(erased.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(erased.get("cancelledBy").asString()).isEqualTo("SYSTEM");
        assertThat(erased.get("customerDetails").get("name").asString()).isEqualTo("Deleted User");
        assertThat(erased.get("customerDetails").get("email").asString()).isEqualTo("deleted-" + user + "@erased.invalid");
        assertThat(erased.get("customerDetails").get("postcode").asString()).isEqualTo("SW1A");
        assertThat(events("appointment.booking.cancelled", id)).hasSize(1);
    }

    @Test
    void aFailedReminderIsRetriedTenMinutesLaterAtMostThreeTimes() {
        clock.set(MONDAY_BEFORE_SPRING_CHANGE);
        String id = guestBooking(fixtures.consultant(), LocalDate.of(2026, 5, 6), "retry@example.com");
        clock.set(Instant.parse("2026-05-05T08:01:00Z"));
        dispatch.sendDue();
        UUID reminder = jdbc.sql("SELECT id FROM reminders WHERE booking_id = ?::uuid AND status = 'SENT'")
                .param(id).query(UUID.class).single();

        deliver(outcomes, "notification.reminder.sent", Map.of("reminderId", reminder, "bookingId", id,
                "outcome", "FAILED", "failureReason", "mailbox full"));

        assertThat(jdbc.sql("SELECT status FROM reminders WHERE id = ?").param(reminder).query(String.class).single())
                .isEqualTo("FAILED");
        assertThat(jdbc.sql("SELECT attempt FROM reminders WHERE booking_id = ?::uuid AND status = 'PENDING' "
                + "AND type = 'APPOINTMENT_24H'").param(id).query(Integer.class).single()).isEqualTo(1);
    }
}
