package uk.co.lomashwood.appointment.booking;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.appointment.support.AppointmentIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StaffBookingTest extends AppointmentIntegrationTest {

    @Test
    void anAdminHoldsAProvisionalBookingForACustomerAndConfirmsItLater() {
        clock.set(MONDAY_BEFORE_SPRING_CHANGE);
        UUID consultant = fixtures.consultant();
        UUID customer = UUID.randomUUID();
        Map<String, Object> request = onlineBooking(firstFreeSlot(consultant, LocalDate.of(2026, 4, 28)), true, true);
        request.put("status", "PENDING");
        request.put("userId", customer);
        request.put("internalNotes", "Called the showroom");
        request.put("sendNotifications", false);

        Reply held = admin().post("/v1/appointments", request);
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        assertThat(held.data().get("status").asString()).isEqualTo("PENDING");
        assertThat(held.data().get("channel").asString()).isEqualTo("ADMIN");
        String id = held.data().get("id").asString();
        JsonNode created = events("appointment.booking.created", id).getFirst();
        assertThat(created.get("sendNotifications").asBoolean()).isFalse();
        assertThat(created.get("userId").asString()).isEqualTo(customer.toString());
        assertThat(jdbc.sql("SELECT count(*) FROM reminders WHERE booking_id = ?::uuid").param(id).query(Long.class).single())
                .isZero();

        Reply confirmed = admin().patch("/v1/appointments/" + id + "/status", body("status", "CONFIRMED"));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(events("appointment.booking.confirmed", id)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM reminders WHERE booking_id = ?::uuid").param(id).query(Long.class).single())
                .isEqualTo(2);
        assertThat(api().as(customer, "CUSTOMER").get("/v1/appointments/" + id).status()).isEqualTo(200);
        assertThat(api().get("/internal/appointments?userId=" + customer).data()).hasSize(1);
    }

    @Test
    void customersCannotUseTheStaffOnlyFields() {
        clock.set(MONDAY_BEFORE_SPRING_CHANGE);
        Map<String, Object> request = onlineBooking(firstFreeSlot(fixtures.consultant(), LocalDate.of(2026, 4, 29)), true, false);
        request.put("status", "PENDING");

        Reply refused = api().as(UUID.randomUUID(), "CUSTOMER").post("/v1/appointments", request);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void aRetriedSubmitWithTheSameIdempotencyKeyReplaysTheBookingInsteadOfFailing() {
        clock.set(MONDAY_BEFORE_SPRING_CHANGE);
        Map<String, Object> request = onlineBooking(firstFreeSlot(fixtures.consultant(), LocalDate.of(2026, 4, 30)), true, false);
        String key = UUID.randomUUID().toString();

        Reply first = api().with("Idempotency-Key", key).post("/v1/appointments", request);
        Reply again = api().with("Idempotency-Key", key).post("/v1/appointments", request);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.data().get("id").asString()).isEqualTo(first.data().get("id").asString());
    }
}
