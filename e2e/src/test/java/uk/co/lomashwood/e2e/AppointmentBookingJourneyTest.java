package uk.co.lomashwood.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #5's journey, through the gateway only, as a guest: pick a type, see real slots from the demo consultants,
 * book one for kitchen and bedroom, view it with the manage token (and not without), reschedule, cancel; and the
 * acknowledgement (FR5.5) plus one internal email per team (FR5.6) in the local mailbox.
 */
@ExtendWith(RunningPlatform.class)
class AppointmentBookingJourneyTest {

    private final Gateway gateway = RunningPlatform.gateway();

    private List<JsonNode> freeSlots(LocalDate date) throws Exception {
        Gateway.Reply grid = gateway.get("/v1/appointments/availability?type=ONLINE&forKitchen=true&forBedroom=true&date=" + date);
        assertThat(grid.status()).as(grid.raw()).isEqualTo(200);
        assertThat(grid.data().path("timezone").asString()).isEqualTo("Europe/London");
        return StreamSupport.stream(grid.data().path("slots").spliterator(), false)
                .filter(s -> s.path("isAvailable").asBoolean()).toList();
    }

    /** The first London date from {@code from} on with a free ONLINE slot. */
    private LocalDate firstDateWithSlots(LocalDate from) throws Exception {
        for (LocalDate date = from; date.isBefore(from.plusDays(14)); date = date.plusDays(1)) {
            if (!freeSlots(date).isEmpty()) {
                return date;
            }
        }
        throw new AssertionError("no free ONLINE slot in the two weeks from " + from);
    }

    @Test
    void aKitchenAndBedroomBookingSendsTheAcknowledgementAndOneEmailToEachTeam() throws Exception {
        LocalDate day = firstDateWithSlots(LocalDate.now(ZoneId.of("Europe/London")).plusDays(4));
        String customerEmail = "ada-" + UUID.randomUUID() + "@example.co.uk";
        Gateway.Reply booked = gateway.post("/v1/appointments", Map.of(
                "appointmentType", "ONLINE", "forKitchen", true, "forBedroom", true,
                "slotId", freeSlots(day).getFirst().path("id").asString(),
                "customerDetails", Map.of("name", "Ada Lovelace", "email", customerEmail, "phone", "07700 900321",
                        "postcode", "SW4 7UD")));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        String reference = booked.data().path("referenceCode").asString();

        JsonNode acknowledgement = RunningPlatform.mailbox().awaitMessageTo(customerEmail, Duration.ofSeconds(20));
        assertThat(acknowledgement.path("subject").asString() + acknowledgement.path("text").asString()).contains(reference);
        for (String team : List.of("kitchen@lomashwood.co.uk", "bedroom@lomashwood.co.uk")) {
            assertThat(awaitMailMentioning(team, reference)).as("internal email to " + team).isTrue();
        }
    }

    /** The team inboxes get every dual booking's email: wait until the newest one is about ours. */
    private static boolean awaitMailMentioning(String inbox, String reference) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            var mail = RunningPlatform.mailbox().newestTo(inbox);
            if (mail.isPresent() && (mail.get().path("subject").asString() + mail.get().path("text").asString()).contains(reference)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private Gateway.Reply patch(String path, Object body, String... headers) throws Exception {
        return gateway.send("PATCH", path, Gateway.JSON.writeValueAsString(body), "application/json", headers);
    }

    @Test
    void aGuestBooksAConsultationViewsReschedulesAndCancelsIt() throws Exception {
        Gateway.Reply types = gateway.get("/v1/appointments/types");
        assertThat(types.status()).isEqualTo(200);
        assertThat(StreamSupport.stream(types.data().spliterator(), false).map(t -> t.path("type").asString()))
                .containsExactly("HOME_MEASUREMENT", "ONLINE", "SHOWROOM");
        assertThat(gateway.get("/v1/showrooms").data().size()).isGreaterThanOrEqualTo(3);

        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String customerEmail = "grace-" + UUID.randomUUID() + "@example.co.uk";
        LocalDate day = firstDateWithSlots(today.plusDays(3));
        String slotId = freeSlots(day).getFirst().path("id").asString();

        Gateway.Reply booked = gateway.post("/v1/appointments", Map.of(
                "appointmentType", "ONLINE", "forKitchen", true, "forBedroom", true, "slotId", slotId,
                "customerDetails", Map.of("name", "Grace Hopper", "email", customerEmail,
                        "phone", "07700 900456", "postcode", "SW4 7UD")));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        assertThat(booked.data().path("status").asString()).isEqualTo("CONFIRMED");
        String id = booked.data().path("id").asString();
        String token = booked.data().path("manageToken").asString();
        assertThat(token).isNotBlank();

        Gateway.Reply again = gateway.post("/v1/appointments", Map.of(
                "appointmentType", "ONLINE", "forKitchen", true, "forBedroom", false, "slotId", slotId,
                "customerDetails", Map.of("name", "Someone Else", "email", "else.e2e@example.co.uk",
                        "phone", "07700 900789", "postcode", "SW4 7UD")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("SLOT_UNAVAILABLE");

        Gateway.Reply viewed = gateway.get("/v1/appointments/" + id, "X-Booking-Token", token);
        assertThat(viewed.status()).as(viewed.raw()).isEqualTo(200);
        assertThat(viewed.data().path("referenceCode").asString()).startsWith("BK-");
        assertThat(gateway.get("/v1/appointments/" + id).status()).isEqualTo(404);
        assertThat(gateway.get("/v1/appointments/" + id, "X-Booking-Token", token + "x").code())
                .isEqualTo("APPOINTMENT_NOT_FOUND");

        LocalDate later = firstDateWithSlots(day.plusDays(1));
        String newSlot = freeSlots(later).getFirst().path("id").asString();
        Gateway.Reply moved = patch("/v1/appointments/" + id + "/reschedule", Map.of("slotId", newSlot),
                "X-Booking-Token", token);
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.data().path("scheduledAt").asString()).isNotEqualTo(booked.data().path("scheduledAt").asString());

        Gateway.Reply cancelled = patch("/v1/appointments/" + id + "/cancel", Map.of(), "X-Booking-Token", token);
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.data().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(freeSlots(later)).extracting(s -> s.path("id").asString()).contains(newSlot);
    }
}
