package uk.co.lomashwood.appointment.booking;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.appointment.support.AppointmentIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class GuestBookingTest extends AppointmentIntegrationTest {

    private UUID consultant;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_BEFORE_SPRING_CHANGE);
        consultant = fixtures.consultant();
    }

    private Reply book(UUID slotId, boolean kitchen, boolean bedroom) {
        return api().post("/v1/appointments", onlineBooking(slotId, kitchen, bedroom));
    }

    @Test
    void aGuestBooksAndManagesTheBookingOnlyThroughTheToken() {
        UUID slot = firstFreeSlot(consultant, LocalDate.of(2026, 3, 25));
        Reply booked = book(slot, true, true);

        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        JsonNode data = booked.data();
        assertThat(data.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(data.get("referenceCode").asString()).matches("BK-20260323-\\d{4}");
        assertThat(data.get("customerDetails").get("phone").asString()).isEqualTo("+447700900123");
        assertThat(data.get("customerDetails").get("postcode").asString()).isEqualTo("SW1A 1AA");
        assertThat(data.get("customerDetails").get("email").asString()).isEqualTo("jane.customer@example.com");
        assertThat(data.get("timezone").asString()).isEqualTo("Europe/London");
        String id = data.get("id").asString();
        String token = data.get("manageToken").asString();

        assertThat(guest(token).get("/v1/appointments/" + id).status()).isEqualTo(200);
        assertThat(guest(token).get("/v1/appointments/" + id).data().has("manageToken")).isFalse();
        assertThat(api().get("/v1/appointments/" + id).code()).isEqualTo("APPOINTMENT_NOT_FOUND");
        assertThat(guest(token + "x").get("/v1/appointments/" + id).code()).isEqualTo("APPOINTMENT_NOT_FOUND");
        assertThat(api().as(UUID.randomUUID(), "CUSTOMER").get("/v1/appointments/" + id).status()).isEqualTo(404);

        Reply cancelled = guest(token).patch("/v1/appointments/" + id + "/cancel", body());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.data().get("cancelledBy").asString()).isEqualTo("CUSTOMER");
        assertThat(freeSlots(consultant, LocalDate.of(2026, 3, 25))).extracting(s -> s.get("id").asString())
                .contains(slot.toString());
    }

    @Test
    void theCreatedEventCarriesEverythingTheAcknowledgementAndTeamEmailsNeed() {
        Reply booked = api().with("X-Analytics-Session-Id", "sess_0123456789").post("/v1/appointments",
                onlineBooking(firstFreeSlot(consultant, LocalDate.of(2026, 3, 26)), true, true));
        String id = booked.data().get("id").asString();
        assertThat(jdbc.sql("SELECT payload -> 'metadata' ->> 'analyticsSessionId' FROM outbox WHERE aggregate_id = ? "
                + "AND topic = 'appointment.booking.created'").param(id).query(String.class).single()).isEqualTo("sess_0123456789");

        List<JsonNode> created = events("appointment.booking.created", id);
        assertThat(created).hasSize(1);
        JsonNode event = created.getFirst();
        assertThat(event.get("bookingId").asString()).isEqualTo(id);
        assertThat(event.get("userId").isNull()).isTrue();
        assertThat(event.get("requiresDualTeamNotification").asBoolean()).isTrue();
        assertThat(event.get("forKitchen").asBoolean()).isTrue();
        assertThat(event.get("forBedroom").asBoolean()).isTrue();
        assertThat(event.get("customerDetails").get("email").asString()).isEqualTo("jane.customer@example.com");
        assertThat(event.get("scheduledAt").asString()).isEqualTo(booked.data().get("scheduledAt").asString());
        assertThat(event.get("manageUrl").asString())
                .isEqualTo("https://www.lomashwood.test/appointments/" + id + "?token=" + booked.data().get("manageToken").asString());
        for (String field : List.of("referenceCode", "appointmentType", "endsAt", "timezone", "showroom", "consultant",
                "status", "channel", "sendNotifications")) {
            assertThat(event.has(field)).as(field).isTrue();
        }
    }

    @Test
    void aSignedInCustomerSeesOwnBookingsAndNobodyElses() {
        UUID me = UUID.randomUUID();
        Reply booked = api().as(me, "CUSTOMER").post("/v1/appointments",
                onlineBooking(firstFreeSlot(consultant, LocalDate.of(2026, 3, 27)), false, true));
        String id = booked.data().get("id").asString();

        assertThat(api().as(me, "CUSTOMER").get("/v1/appointments/" + id).status()).isEqualTo(200);
        assertThat(api().as(me, "CUSTOMER").get("/v1/appointments/me").data()).hasSize(1);
        assertThat(api().as(UUID.randomUUID(), "CUSTOMER").patch("/v1/appointments/" + id + "/cancel", body()).code())
                .isEqualTo("APPOINTMENT_NOT_FOUND");
        assertThat(events("appointment.booking.created", id).getFirst().get("userId").asString()).isEqualTo(me.toString());
    }

    @Test
    void reschedulingMovesTheBookingAndItsRemindersUntilTheCutOff() {
        Reply booked = book(firstFreeSlot(consultant, LocalDate.of(2026, 3, 30)), true, false);
        String id = booked.data().get("id").asString();
        String token = booked.data().get("manageToken").asString();
        UUID later = firstFreeSlot(consultant, LocalDate.of(2026, 3, 31));

        Reply moved = guest(token).patch("/v1/appointments/" + id + "/reschedule", body("slotId", later));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.data().get("scheduledAt").asString()).isEqualTo("2026-03-31T08:00:00.000Z");
        JsonNode event = events("appointment.booking.rescheduled", id).getFirst();
        assertThat(event.get("previousScheduledAt").asString()).isEqualTo("2026-03-30T08:00:00.000Z");
        assertThat(event.get("slotId").asString()).isEqualTo(later.toString());
        assertThat(jdbc.sql("SELECT count(*) FROM reminders WHERE booking_id = ?::uuid AND status = 'PENDING'")
                .param(id).query(Long.class).single()).isEqualTo(2);

        clock.set(java.time.Instant.parse("2026-03-30T09:00:00Z"));
        UUID another = firstFreeSlot(consultant, LocalDate.of(2026, 4, 2));
        assertThat(guest(token).patch("/v1/appointments/" + id + "/reschedule", body("slotId", another)).code())
                .isEqualTo("RESCHEDULE_WINDOW_EXPIRED");
        clock.set(java.time.Instant.parse("2026-03-31T06:30:00Z"));
        assertThat(guest(token).patch("/v1/appointments/" + id + "/cancel", body()).code())
                .isEqualTo("CANCELLATION_WINDOW_EXPIRED");
        assertThat(admin().patch("/v1/appointments/" + id + "/cancel", body("reason", "Customer phoned to cancel")).status())
                .isEqualTo(200);
    }

    @Test
    void refusalsAreProblemsWithTheSpecCodes() {
        UUID slot = firstFreeSlot(consultant, LocalDate.of(2026, 4, 1));
        assertThat(book(slot, false, false).code()).isEqualTo("NO_CATEGORY_SELECTED");

        Reply invalid = api().post("/v1/appointments", body("appointmentType", "ONLINE", "forKitchen", true,
                "forBedroom", false, "slotId", slot, "customerDetails", body("name", "J", "email", "not-an-email",
                        "phone", "123", "postcode", "SW1A 1AA")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("VALIDATION_ERROR");
        assertThat(invalid.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(invalid.json().get("errors").toString()).contains("customerDetails.email");

        assertThat(book(UUID.randomUUID(), true, false).code()).isEqualTo("SLOT_NOT_FOUND");
        assertThat(api().post("/v1/appointments", "{\"appointmentType\":\"ONLINE\",\"bogus\":1}").status()).isEqualTo(400);

        clock.advance(Duration.ofHours(-1));
        UUID soon = firstFreeSlot(consultant, LocalDate.of(2026, 3, 23));
        clock.set(MONDAY_BEFORE_SPRING_CHANGE.plus(Duration.ofMinutes(30)));
        assertThat(book(soon, true, false).code()).isIn("LEAD_TIME_NOT_MET", "SLOT_IN_PAST");
        assertThat(api().get("/v1/appointments/availability?type=ONLINE&date=2026-07-01").code())
                .isEqualTo("BOOKING_WINDOW_EXCEEDED");
        assertThat(api().get("/v1/appointments/availability?type=ONLINE&date=2026-03-01").code())
                .isEqualTo("PAST_DATE_BOOKING");
        assertThat(api().get("/v1/appointments/availability?type=SHOWROOM&date=2026-03-25").status()).isEqualTo(400);
    }
}
