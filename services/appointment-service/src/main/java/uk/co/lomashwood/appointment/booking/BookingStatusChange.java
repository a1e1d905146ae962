package uk.co.lomashwood.appointment.booking;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.appointment.booking.BookingAccess.Caller;
import uk.co.lomashwood.appointment.booking.BookingRequests.StatusChange;
import uk.co.lomashwood.appointment.common.Actor;
import uk.co.lomashwood.appointment.reminder.ReminderSchedule;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.ValidationException;

import java.time.Clock;
import java.util.UUID;

/** PATCH /v1/appointments/{id}/status for staff: confirm, cancel, or record the outcome (spec 30 §1.4.5). */
@Service
public class BookingStatusChange {

    private final BookingAccess access;
    private final Bookings bookings;
    private final BookingQueries queries;
    private final BookingCancellation cancellation;
    private final ReminderSchedule reminders;
    private final BookingEvents events;
    private final Clock clock;

    public BookingStatusChange(BookingAccess access, Bookings bookings, BookingQueries queries,
                               BookingCancellation cancellation, ReminderSchedule reminders, BookingEvents events,
                               Clock clock) {
        this.access = access;
        this.bookings = bookings;
        this.queries = queries;
        this.cancellation = cancellation;
        this.reminders = reminders;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public BookingDetails change(UUID id, StatusChange request, Caller caller) {
        Booking booking = access.lockForChange(id, caller);
        UUID actor = caller.user().userId();
        switch (request.status()) {
            case CONFIRMED -> {
                booking.confirm(clock);
                bookings.updateState(booking, actor, clock.instant());
                Booking.BookingData d = booking.data();
                reminders.schedule(id, booking.startsAt(), d.customer().email(), d.customer().phone());
                events.confirmed(queries.find(id).orElseThrow());
            }
            case CANCELLED -> {
                if (request.reason() == null) {
                    throw ValidationException.of("reason", "is required to cancel");
                }
                booking.cancel(Actor.ADMIN, request.reason(), clock);
                cancellation.apply(booking, actor);
            }
            case COMPLETED, NO_SHOW -> {
                booking.recordOutcome(request.status(), Actor.ADMIN, clock);
                bookings.updateState(booking, actor, clock.instant());
                reminders.cancelPending(id);
                events.outcome(queries.find(id).orElseThrow());
            }
            case PENDING -> throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION, "A booking cannot go back to PENDING.");
        }
        return queries.find(id).orElseThrow();
    }
}
