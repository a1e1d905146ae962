package uk.co.lomashwood.appointment.booking;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.appointment.common.Actor;
import uk.co.lomashwood.appointment.common.AppointmentType;
import uk.co.lomashwood.appointment.slot.TimeSlot;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookingRulesTest {

    private static final Instant START = Instant.parse("2026-05-12T10:00:00Z");

    private static Clock at(Duration beforeStart) {
        return Clock.fixed(START.minus(beforeStart), ZoneOffset.UTC);
    }

    private static TimeSlot slot(Instant start) {
        return new TimeSlot(UUID.randomUUID(), UUID.randomUUID(), null, start, start.plus(Duration.ofHours(1)), null,
                TimeSlot.SlotStatus.AVAILABLE, null, false);
    }

    private static Booking booking(BookingStatus status) {
        var data = new Booking.BookingData(UUID.randomUUID(), "BK-20260501-0001", null, AppointmentType.ONLINE, true, false,
                new CustomerDetails("Jane", "jane@example.com", "+447700900123", "SW1A 1AA", null), null, "WEB", null,
                null, null, true, START.minus(Duration.ofDays(10)), START.minus(Duration.ofDays(10)));
        return Booking.onSlot(data, slot(START), status, at(Duration.ofDays(10)));
    }

    private static ErrorCode codeOf(Runnable action) {
        try {
            action.run();
        } catch (ApiException e) {
            return e.code();
        }
        return null;
    }

    @Test
    void cancellingWithinTwoHoursIsRefusedToCustomersButNotToStaff() {
        Booking late = booking(BookingStatus.CONFIRMED);
        assertThat(codeOf(() -> late.cancel(Actor.CUSTOMER, null, at(Duration.ofMinutes(119)))))
                .isEqualTo(ErrorCode.CANCELLATION_WINDOW_EXPIRED);
        late.cancel(Actor.ADMIN, "Customer phoned the showroom", at(Duration.ofMinutes(30)));
        assertThat(late.status()).isEqualTo(BookingStatus.CANCELLED);

        Booking early = booking(BookingStatus.CONFIRMED);
        early.cancel(Actor.CUSTOMER, null, at(Duration.ofMinutes(121)));
        assertThat(early.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(codeOf(() -> early.cancel(Actor.CUSTOMER, null, at(Duration.ofHours(5)))))
                .isEqualTo(ErrorCode.BOOKING_ALREADY_CANCELLED);
    }

    @Test
    void reschedulingWithinTwentyFourHoursIsRefusedToCustomers() {
        Booking booking = booking(BookingStatus.CONFIRMED);
        TimeSlot later = slot(START.plus(Duration.ofDays(2)));

        assertThat(codeOf(() -> booking.moveTo(later, Actor.CUSTOMER, at(Duration.ofHours(23)))))
                .isEqualTo(ErrorCode.RESCHEDULE_WINDOW_EXPIRED);
        booking.moveTo(later, Actor.ADMIN, at(Duration.ofHours(23)));
        assertThat(booking.startsAt()).isEqualTo(later.startsAt());
    }

    @Test
    void customersMayRescheduleThreeTimesAndNoMore() {
        Booking booking = booking(BookingStatus.CONFIRMED);
        Clock early = at(Duration.ofDays(5));
        for (int i = 1; i <= 3; i++) {
            booking.moveTo(slot(START.plus(Duration.ofHours(i))), Actor.CUSTOMER, early);
        }
        assertThat(codeOf(() -> booking.moveTo(slot(START.plus(Duration.ofHours(9))), Actor.CUSTOMER, early)))
                .isEqualTo(ErrorCode.RESCHEDULE_LIMIT_REACHED);
        assertThat(booking.canReschedule(early)).isFalse();
    }

    @Test
    void theSameSlotIsNotAReschedule() {
        Booking booking = booking(BookingStatus.CONFIRMED);
        assertThat(codeOf(() -> booking.checkReschedule(booking.slotId(), Actor.CUSTOMER, at(Duration.ofDays(5)))))
                .isEqualTo(ErrorCode.SAME_SLOT);
    }

    @Test
    void outcomesWaitForTheStartAndCancelledIsTerminal() {
        Booking booking = booking(BookingStatus.CONFIRMED);
        assertThat(codeOf(() -> booking.recordOutcome(BookingStatus.COMPLETED, Actor.ADMIN, at(Duration.ofMinutes(5)))))
                .isEqualTo(ErrorCode.APPOINTMENT_NOT_STARTED);
        booking.recordOutcome(BookingStatus.COMPLETED, Actor.ADMIN, at(Duration.ofMinutes(-90)));
        booking.recordOutcome(BookingStatus.NO_SHOW, Actor.ADMIN, at(Duration.ofDays(-2)));
        assertThat(booking.status()).isEqualTo(BookingStatus.NO_SHOW);

        Booking cancelled = booking(BookingStatus.PENDING);
        cancelled.cancel(Actor.ADMIN, "Duplicate booking", at(Duration.ofDays(3)));
        assertThat(codeOf(() -> cancelled.confirm(at(Duration.ofDays(3))))).isEqualTo(ErrorCode.INVALID_STATUS_TRANSITION);
    }

    @Test
    void ukPhoneNumbersBecomeE164() {
        assertThat(CustomerDetails.ukPhone("07700 900123")).isEqualTo("+447700900123");
        assertThat(CustomerDetails.ukPhone("+44 (0)20 7946 0001")).isEqualTo("+442079460001");
        assertThatThrownBy(() -> CustomerDetails.ukPhone("+1 212 555 0100")).isInstanceOf(RuntimeException.class);
    }
}
