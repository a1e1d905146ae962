package uk.co.lomashwood.appointment.showroom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.appointment.common.Specialisation;
import uk.co.lomashwood.appointment.support.AppointmentIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ShowroomTest extends AppointmentIntegrationTest {

    private static Map<String, Object> week() {
        Map<String, Object> days = new LinkedHashMap<>();
        for (String day : new String[]{"monday", "tuesday", "wednesday", "thursday", "friday"}) {
            days.put(day, Map.of("open", "09:00", "close", "18:00"));
        }
        days.put("saturday", Map.of("open", "10:00", "close", "16:00"));
        days.put("sunday", Map.of("closed", true));
        return days;
    }

    @Test
    void anAdminOpensAShowroomThatTheFindAShowroomPagesShow() {
        String name = "Lomash Wood Test " + UUID.randomUUID().toString().substring(0, 8);
        Reply created = admin().post("/v1/showrooms", body("name", name, "address", "1 Test Street, Leeds", "city", "Leeds",
                "postcode", "ls1 4ap", "email", "leeds@lomashwood.test", "phone", "+441130000000", "openingHours", week()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String slug = created.data().get("slug").asString();
        assertThat(created.data().get("postcode").asString()).isEqualTo("LS1 4AP");

        JsonNode shown = api().get("/v1/showrooms/" + slug).data();
        assertThat(shown.get("openingHoursText").asString()).isEqualTo("Mon–Fri 09:00–18:00, Sat 10:00–16:00, Sun closed");
        assertThat(shown.get("openingHours").get("sunday").get("closed").asBoolean()).isTrue();
        assertThat(shown.has("capacity")).isFalse();
        assertThat(api().get("/v1/showrooms?search=" + name.substring(name.length() - 8)).data()).hasSize(1);
        assertThat(admin().post("/v1/showrooms", body("name", name, "address", "2 Test Street, Leeds", "city", "Leeds",
                "postcode", "LS1 4AP", "email", "leeds@lomashwood.test", "phone", "+441130000000", "openingHours", week()))
                .code()).isEqualTo("SLUG_ALREADY_EXISTS");
        assertThat(api().get("/v1/showrooms/no-such-showroom").code()).isEqualTo("SHOWROOM_NOT_FOUND");
        assertThat(api().as(UUID.randomUUID(), "CUSTOMER").post("/v1/showrooms", body()).status()).isEqualTo(403);
    }

    @Test
    void showroomVisitsAreBookedOnlyAtTheSlotsShowroom() {
        clock.set(MONDAY_BEFORE_SPRING_CHANGE);
        UUID showroom = fixtures.showroom();
        UUID consultant = fixtures.consultant(Specialisation.KITCHEN, showroom);
        Reply grid = api().get("/v1/showrooms/" + showroom + "/availability?date=2026-03-24&forKitchen=true");
        assertThat(grid.status()).as(grid.toString()).isEqualTo(200);
        assertThat(grid.data().get("slots").get(0).get("startTime").asString()).isEqualTo("2026-03-24T10:00:00.000Z");
        String slot = grid.data().get("slots").get(0).get("id").asString();

        Map<String, Object> visit = body("appointmentType", "SHOWROOM", "forKitchen", false, "forBedroom", true,
                "slotId", slot, "showroomId", showroom, "customerDetails", customer());
        assertThat(api().post("/v1/appointments", visit).code()).isEqualTo("SLOT_TYPE_MISMATCH");
        visit.put("forKitchen", true);
        visit.put("forBedroom", false);
        visit.put("showroomId", fixtures.showroom());
        assertThat(api().post("/v1/appointments", visit).code()).isEqualTo("SLOT_TYPE_MISMATCH");
        visit.put("showroomId", showroom);
        Reply booked = api().post("/v1/appointments", visit);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(booked.data().get("showroom").get("id").asString()).isEqualTo(showroom.toString());
        assertThat(consultant).isNotNull();
    }

    @Test
    void closuresAndNewHoursRegenerateTheShowroomsSlots() {
        clock.set(MONDAY_BEFORE_SPRING_CHANGE);
        UUID showroom = fixtures.showroom();
        fixtures.consultant(Specialisation.BOTH, showroom);
        String day = "/v1/showrooms/" + showroom + "/availability?date=2026-03-25";
        assertThat(api().get(day).data().get("slots")).hasSize(6);

        assertThat(admin().post("/v1/showrooms/" + showroom + "/closures", body("date", "2026-03-25", "reason", "Stocktake"))
                .status()).isEqualTo(201);
        assertThat(admin().post("/v1/showrooms/" + showroom + "/closures", body("date", "2026-03-25")).code())
                .isEqualTo("CLOSURE_EXISTS");
        assertThat(api().get(day).data().get("slots")).isEmpty();
        assertThat(admin().send("DELETE", "/v1/showrooms/" + showroom + "/closures/2026-03-25", null).status()).isEqualTo(204);

        Map<String, Object> hours = week();
        hours.put("wednesday", Map.of("open", "13:00", "close", "15:00"));
        Reply patched = admin().patch("/v1/showrooms/" + showroom, body("openingHours", hours));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(api().get(day).data().get("slots")).extracting(s -> s.get("startTime").asString())
                .containsExactly("2026-03-25T13:00:00.000Z", "2026-03-25T14:00:00.000Z");

        assertThat(admin().send("DELETE", "/v1/showrooms/" + showroom, null).status()).isEqualTo(204);
        assertThat(api().get("/v1/showrooms/" + showroom).code()).isEqualTo("SHOWROOM_NOT_FOUND");
    }
}
