package uk.co.lomashwood.appointment.booking;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.co.lomashwood.appointment.support.AppointmentIntegrationTest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BookingHousekeepingTest extends AppointmentIntegrationTest {

    @Autowired
    private BookingHousekeeping housekeeping;

    @Test
    void pastConfirmedBookingsAreCompletedAndStaleHoldsCancelledBySystem() {
        clock.set(MONDAY_BEFORE_SPRING_CHANGE);
        UUID consultant = fixtures.consultant();
        String confirmed = api().post("/v1/appointments", onlineBooking(firstFreeSlot(consultant, LocalDate.of(2026, 3, 24)),
                true, false)).data().get("id").asString();
        Map<String, Object> hold = onlineBooking(firstFreeSlot(consultant, LocalDate.of(2026, 3, 25)), true, false);
        hold.put("status", "PENDING");
        String pending = admin().post("/v1/appointments", hold).data().get("id").asString();

        clock.set(Instant.parse("2026-03-24T12:30:00Z"));
        housekeeping.run();
        assertThat(admin().get("/v1/appointments/" + confirmed).data().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(events("appointment.booking.completed", confirmed).getFirst().get("outcomeBy").asString())
                .isEqualTo("SYSTEM");
        assertThat(admin().get("/v1/appointments/" + pending).data().get("status").asString()).isEqualTo("PENDING");

        clock.set(Instant.parse("2026-03-25T08:30:00Z"));
        housekeeping.run();
        assertThat(admin().get("/v1/appointments/" + pending).data().get("cancelledBy").asString()).isEqualTo("SYSTEM");
        assertThat(housekeeping.run()).isZero();
    }
}
