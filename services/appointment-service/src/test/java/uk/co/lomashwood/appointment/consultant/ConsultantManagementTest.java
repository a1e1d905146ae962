package uk.co.lomashwood.appointment.consultant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.co.lomashwood.appointment.support.AppointmentIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ConsultantManagementTest extends AppointmentIntegrationTest {

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_BEFORE_SPRING_CHANGE);
    }

    @Test
    void anAdminAddsAConsultantWhoseWeeklyHoursBecomeBookableSlots() {
        Reply created = admin().post("/v1/appointments/consultants", body("name", "Nina Patel",
                "email", "nina-" + UUID.randomUUID() + "@lomashwood.test", "specialisation", "KITCHEN"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID id = UUID.fromString(created.data().get("id").asString());

        Reply rule = admin().post("/v1/appointments/availability", body("consultantId", id, "dayOfWeek", "WEDNESDAY",
                "startTime", "10:00", "endTime", "13:00"));
        assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
        assertThat(admin().post("/v1/appointments/availability", body("consultantId", id, "dayOfWeek", "WEDNESDAY",
                "startTime", "12:00", "endTime", "14:00")).code()).isEqualTo("AVAILABILITY_CONFLICT");
        assertThat(admin().post("/v1/appointments/availability", body("consultantId", id, "dayOfWeek", "WEDNESDAY",
                "startTime", "12:10", "endTime", "14:00")).status()).isEqualTo(400);

        assertThat(freeSlots(id, LocalDate.of(2026, 3, 25))).extracting(s -> s.get("startTime").asString())
                .containsExactly("2026-03-25T10:00:00.000Z", "2026-03-25T11:00:00.000Z", "2026-03-25T12:00:00.000Z");
        assertThat(admin().get("/v1/appointments/consultants/" + id + "/availability").data().get("weekly")).hasSize(1);
        Reply publicView = api().get("/v1/appointments/consultants/" + id);
        assertThat(publicView.data().has("email")).isFalse();
        assertThat(admin().post("/v1/appointments/consultants", body("name", "Nina Again",
                "email", created.data().get("email").asString())).code()).isEqualTo("CONSULTANT_ALREADY_EXISTS");
    }

    @Test
    void deactivatingListsBookingsToRebookAndDeletingWaitsForThem() {
        UUID consultant = fixtures.consultant();
        String booking = api().post("/v1/appointments", onlineBooking(firstFreeSlot(consultant, LocalDate.of(2026, 3, 26)),
                true, false)).data().get("id").asString();

        Reply deactivated = admin().patch("/v1/appointments/consultants/" + consultant + "/deactivate", body());
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(deactivated.data().get("affectedBookingIds").get(0).asString()).isEqualTo(booking);
        assertThat(api().get("/v1/appointments/availability?type=ONLINE&date=2026-03-27&consultantId=" + consultant)
                .data().get("slots")).isEmpty();
        assertThat(admin().send("DELETE", "/v1/appointments/consultants/" + consultant, null).code())
                .isEqualTo("CONSULTANT_HAS_ACTIVE_BOOKINGS");
        assertThat(admin().get("/v1/appointments/consultants/" + consultant + "/bookings").data()).hasSize(1);

        assertThat(admin().patch("/v1/appointments/consultants/" + consultant + "/activate", body()).status()).isEqualTo(200);
        assertThat(freeSlots(consultant, LocalDate.of(2026, 3, 27))).hasSize(8);
        assertThat(admin().patch("/v1/appointments/consultants/" + consultant, body("bio", "Twenty years of kitchens"))
                .data().get("bio").asString()).isEqualTo("Twenty years of kitchens");
    }

    @Test
    void rulesAndSingleSlotsCanBeChangedButABookedSlotCannot() {
        UUID consultant = fixtures.consultant();
        Reply rules = admin().get("/v1/appointments/consultants/" + consultant + "/availability");
        String thursday = rules.data().get("weekly").valueStream()
                .filter(r -> r.get("dayOfWeek").asString().equals("THURSDAY")).findFirst().orElseThrow().get("id").asString();

        assertThat(admin().patch("/v1/appointments/availability/" + thursday, body("endTime", "11:00")).status()).isEqualTo(200);
        assertThat(freeSlots(consultant, LocalDate.of(2026, 3, 26))).hasSize(2);
        assertThat(admin().send("DELETE", "/v1/appointments/availability/" + thursday, null).status()).isEqualTo(204);
        assertThat(freeSlots(consultant, LocalDate.of(2026, 3, 26))).isEmpty();
        assertThat(api().as(UUID.randomUUID(), "CONSULTANT").send("DELETE", "/v1/appointments/availability/" + thursday, null)
                .code()).isEqualTo("AVAILABILITY_NOT_FOUND");

        UUID slot = firstFreeSlot(consultant, LocalDate.of(2026, 3, 27));
        Reply blocked = admin().patch("/v1/appointments/slots/" + slot, body("status", "BLOCKED", "blockReason", "Training"));
        assertThat(blocked.status()).as(blocked.toString()).isEqualTo(200);
        assertThat(freeSlots(consultant, LocalDate.of(2026, 3, 27))).hasSize(7);
        admin().patch("/v1/appointments/slots/" + slot, body("status", "AVAILABLE"));
        api().post("/v1/appointments", onlineBooking(slot, true, false));
        assertThat(admin().patch("/v1/appointments/slots/" + slot, body("status", "BLOCKED")).code())
                .isEqualTo("SLOT_ALREADY_BOOKED");
        assertThat(admin().get("/v1/appointments/slots?consultantId=" + consultant + "&status=BOOKED").data()).hasSize(1);
        assertThat(admin().send("DELETE", "/v1/appointments/slots/" + slot, null).code()).isEqualTo("SLOT_ALREADY_BOOKED");
        UUID other = firstFreeSlot(consultant, LocalDate.of(2026, 3, 28));
        assertThat(admin().send("DELETE", "/v1/appointments/slots/" + other, null).status()).isEqualTo(204);
        assertThat(freeSlots(consultant, LocalDate.of(2026, 3, 28))).hasSize(7);
        assertThat(admin().post("/v1/appointments/slots/regenerate", body("consultantId", consultant)).status()).isEqualTo(202);
        assertThat(freeSlots(consultant, LocalDate.of(2026, 3, 28))).as("the rules produce the hour again").hasSize(8);
    }
}
