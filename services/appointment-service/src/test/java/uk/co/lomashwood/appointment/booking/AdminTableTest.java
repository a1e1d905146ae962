package uk.co.lomashwood.appointment.booking;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.appointment.support.AppointmentIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AdminTableTest extends AppointmentIntegrationTest {

    @Test
    void adminRoutesAreForAdminsOnly() {
        assertThat(api().get("/v1/appointments").status()).isEqualTo(401);
        assertThat(api().as(UUID.randomUUID(), "CUSTOMER").get("/v1/appointments").code()).isEqualTo("FORBIDDEN");
        assertThat(api().as(UUID.randomUUID(), "CONSULTANT").get("/v1/appointments/export").status()).isEqualTo(403);
        assertThat(api().as(UUID.randomUUID(), "CUSTOMER").post("/v1/appointments/consultants",
                body("name", "Someone", "email", "someone@example.com")).status()).isEqualTo(403);
        assertThat(api().get("/v1/appointments/" + UUID.randomUUID() + "/status").status()).isIn(401, 405);
    }

    @Test
    void theTableFiltersSortsPagesExportsAndRecordsOutcomes() {
        clock.set(MONDAY_BEFORE_SPRING_CHANGE);
        UUID consultant = fixtures.consultant();
        String first = api().post("/v1/appointments", onlineBooking(firstFreeSlot(consultant, LocalDate.of(2026, 4, 21)),
                true, true)).data().get("id").asString();
        String second = api().post("/v1/appointments", onlineBooking(firstFreeSlot(consultant, LocalDate.of(2026, 4, 22)),
                false, true)).data().get("id").asString();

        Reply page = admin().get("/v1/appointments?consultantId=" + consultant + "&sort=-scheduledAt&limit=1");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.data().get(0).get("id").asString()).isEqualTo(second);
        assertThat(page.json().get("pagination").get("total").asLong()).isEqualTo(2);
        assertThat(page.json().get("pagination").get("hasNextPage").asBoolean()).isTrue();
        JsonNode row = page.data().get(0);
        assertThat(row.has("internalNotes")).isTrue();
        assertThat(row.get("reminders").get("h24").get("status").asString()).isEqualTo("PENDING");

        assertThat(admin().get("/v1/appointments?consultantId=" + consultant + "&forKitchen=true").data()).hasSize(1);
        assertThat(admin().get("/v1/appointments?consultantId=" + consultant + "&from=2026-04-22&to=2026-04-22").data())
                .hasSize(1);
        assertThat(admin().get("/v1/appointments?sort=bogus").code()).isEqualTo("VALIDATION_ERROR");

        Reply csv = admin().get("/v1/appointments/export?consultantId=" + consultant);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw().lines()).hasSize(3);

        assertThat(admin().patch("/v1/appointments/" + first + "/status", body("status", "COMPLETED")).code())
                .isEqualTo("APPOINTMENT_NOT_STARTED");
        clock.set(Instant.parse("2026-04-21T10:00:00Z"));
        Reply done = admin().patch("/v1/appointments/" + first + "/status", body("status", "COMPLETED"));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(events("appointment.booking.completed", first).getFirst().get("outcomeBy").asString()).isEqualTo("ADMIN");

        assertThat(admin().get("/v1/appointments/" + second + "/reminders").data()).extracting(r -> r.get("type").asString())
                .containsExactly("APPOINTMENT_24H", "APPOINTMENT_1H");
        Reply overview = admin().get("/v1/appointments/stats/overview?from=2026-04-21&to=2026-04-22");
        assertThat(overview.status()).as(overview.toString()).isEqualTo(200);
        assertThat(overview.data().get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(overview.data().get("both").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void staffEditDetailsAndDeleteOnlyBookingsThatHoldNoFutureSlot() {
        clock.set(MONDAY_BEFORE_SPRING_CHANGE);
        UUID consultant = fixtures.consultant();
        String id = api().post("/v1/appointments", onlineBooking(firstFreeSlot(consultant, LocalDate.of(2026, 4, 23)),
                true, false)).data().get("id").asString();

        Reply edited = admin().patch("/v1/appointments/" + id, body("forBedroom", true,
                "customerDetails", body("phone", "+44 7700 900999"), "internalNotes", "Prefers mornings"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.data().get("customerDetails").get("phone").asString()).isEqualTo("+447700900999");
        assertThat(edited.data().get("forBedroom").asBoolean()).isTrue();
        assertThat(admin().patch("/v1/appointments/" + id, body("forKitchen", false, "forBedroom", false)).code())
                .isEqualTo("NO_CATEGORY_SELECTED");
        assertThat(admin().send("DELETE", "/v1/appointments/" + id, null).code()).isEqualTo("BOOKING_ACTIVE");

        admin().patch("/v1/appointments/" + id + "/cancel", body("reason", "Duplicate of another booking"));
        assertThat(admin().patch("/v1/appointments/" + id, body("notes", "late")).code()).isEqualTo("BOOKING_NOT_EDITABLE");
        assertThat(admin().send("DELETE", "/v1/appointments/" + id, null).status()).isEqualTo(204);
        assertThat(admin().get("/v1/appointments/" + id).status()).isEqualTo(404);
    }
}
