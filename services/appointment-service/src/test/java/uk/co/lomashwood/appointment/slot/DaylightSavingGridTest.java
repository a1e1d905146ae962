package uk.co.lomashwood.appointment.slot;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.appointment.support.AppointmentIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The grid over both clock-change weeks, through the API, with slots materialised by the real generator. */
class DaylightSavingGridTest extends AppointmentIntegrationTest {

    private List<String> starts(UUID consultant, String from, String to) {
        Reply grid = api().get("/v1/appointments/availability?type=ONLINE&from=" + from + "&to=" + to + "&consultantId=" + consultant);
        assertThat(grid.status()).as(grid.toString()).isEqualTo(200);
        return grid.data().get("slots").valueStream().map(s -> s.get("startTime").asString()).toList();
    }

    @Test
    void theSpringForwardWeekHasEightSlotsADayAtNineLondonTime() {
        clock.set(Instant.parse("2026-03-22T12:00:00Z"));
        UUID consultant = fixtures.consultant();

        List<String> week = starts(consultant, "2026-03-23", "2026-03-29");
        assertThat(week).hasSize(56).doesNotHaveDuplicates()
                .contains("2026-03-28T09:00:00.000Z", "2026-03-29T08:00:00.000Z")
                .doesNotContain("2026-03-29T16:00:00.000Z");
        assertThat(week.getLast()).isEqualTo("2026-03-29T15:00:00.000Z");
    }

    @Test
    void theFallBackWeekHasEightSlotsADayAndNoRepeatedHour() {
        clock.set(Instant.parse("2026-10-18T12:00:00Z"));
        UUID consultant = fixtures.consultant();

        List<String> week = starts(consultant, "2026-10-19", "2026-10-25");
        assertThat(new HashSet<>(week)).hasSize(56);
        assertThat(week).contains("2026-10-24T08:00:00.000Z", "2026-10-25T09:00:00.000Z")
                .doesNotContain("2026-10-25T08:00:00.000Z");
        JsonNode sunday = api().get("/v1/appointments/availability?type=ONLINE&date=2026-10-25&consultantId=" + consultant).data();
        assertThat(sunday.get("date").asString()).isEqualTo("2026-10-25");
        assertThat(sunday.get("timezone").asString()).isEqualTo("Europe/London");
    }
}
