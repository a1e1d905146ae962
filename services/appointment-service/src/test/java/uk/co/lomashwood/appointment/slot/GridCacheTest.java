package uk.co.lomashwood.appointment.slot;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.appointment.support.AppointmentIntegrationTest;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class GridCacheTest extends AppointmentIntegrationTest {

    @Test
    void theGridIsServedFromCacheUntilAChangeToItsDateRetiresIt() {
        clock.set(MONDAY_BEFORE_SPRING_CHANGE);
        UUID consultant = fixtures.consultant();
        LocalDate day = LocalDate.of(2026, 4, 2);
        UUID first = firstFreeSlot(consultant, day);

        jdbc.sql("UPDATE time_slots SET status = 'BLOCKED' WHERE id = ?").param(first).update();
        assertThat(freeSlots(consultant, day)).as("cached").hasSize(8);

        UUID second = UUID.fromString(freeSlots(consultant, day).get(1).get("id").asString());
        admin().patch("/v1/appointments/slots/" + second, body("status", "BLOCKED", "blockReason", "Team meeting"));
        assertThat(freeSlots(consultant, day)).as("retired by the slot change").hasSize(6);
    }
}
