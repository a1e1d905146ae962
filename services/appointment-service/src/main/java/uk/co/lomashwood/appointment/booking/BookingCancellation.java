package uk.co.lomashwood.appointment.booking;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.appointment.booking.BookingAccess.Caller;
import uk.co.lomashwood.appointment.reminder.ReminderSchedule;
import uk.co.lomashwood.platform.core.error.ValidationException;

import java.time.Clock;
import java.util.UUID;

/** Cancel (spec 30 §1.4.6): frees a future slot, cancels pending reminders, publishes the event. */
@Service
public class BookingCancellation {

    private final BookingAccess access;
    private final Bookings bookings;
    private final BookingQueries queries;
    private final SlotEligibility slots;
    private final ReminderSchedule reminders;
    private final BookingEvents events;
    private final Clock clock;

    public BookingCancellation(BookingAccess access, Bookings bookings, BookingQueries queries, SlotEligibility slots,
                               ReminderSchedule reminders, BookingEvents events, Clock clock) {
        this.access = access;
        this.bookings = bookings;
        this.queries = queries;
        this.slots = slots;
        this.reminders = reminders;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Booking cancel(UUID id, String reason, Caller caller) {
        Booking booking = access.lockForChange(id, caller);
        if (caller.staff() && reason == null) {
            throw ValidationException.of("reason", "is required when staff cancel");
        }
        booking.cancel(caller.actor(), reason, clock);
        apply(booking, caller.user().userId());
        return booking;
    }

    /** Persists a cancellation already applied to the booking (also used by the admin status change). */
    void apply(Booking booking, UUID actorUserId) {
        bookings.updateState(booking, actorUserId, clock.instant());
        slots.release(booking.slotId());
        reminders.cancelPending(booking.id());
        events.cancelled(queries.find(booking.id()).orElseThrow());
    }
}
