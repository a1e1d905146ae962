package uk.co.lomashwood.appointment.slot;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookingWindowTest {

    private static final Instant NOW = Instant.parse("2026-03-23T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void aHomeMeasurementNeedsTwentyFourHoursNotice() {
        BookingWindow window = BookingWindow.of(CLOCK, 24, false);

        assertThatThrownBy(() -> window.check(NOW.plus(Duration.ofHours(23))))
                .isInstanceOfSatisfying(ApiException.class, e -> org.assertj.core.api.Assertions.assertThat(e.code())
                        .isEqualTo(ErrorCode.LEAD_TIME_NOT_MET));
        assertThatCode(() -> window.check(NOW.plus(Duration.ofHours(24)))).doesNotThrowAnyException();
    }

    @Test
    void thePastIsRefusedAsSuch() {
        assertThatThrownBy(() -> BookingWindow.of(CLOCK, 2, false).check(NOW.minusSeconds(1)))
                .isInstanceOfSatisfying(ApiException.class, e -> org.assertj.core.api.Assertions.assertThat(e.code())
                        .isEqualTo(ErrorCode.SLOT_IN_PAST));
    }

    @Test
    void customersBookUpToNinetyLondonDaysAheadAndStaffBeyond() {
        Instant lastDay = Instant.parse("2026-06-21T15:00:00Z");
        Instant dayAfter = Instant.parse("2026-06-22T08:00:00Z");

        assertThatCode(() -> BookingWindow.of(CLOCK, 2, false).check(lastDay)).doesNotThrowAnyException();
        assertThatThrownBy(() -> BookingWindow.of(CLOCK, 2, false).check(dayAfter))
                .isInstanceOfSatisfying(ApiException.class, e -> org.assertj.core.api.Assertions.assertThat(e.code())
                        .isEqualTo(ErrorCode.BOOKING_WINDOW_EXCEEDED));
        assertThatCode(() -> BookingWindow.of(CLOCK, 2, true).check(dayAfter)).doesNotThrowAnyException();
    }
}
