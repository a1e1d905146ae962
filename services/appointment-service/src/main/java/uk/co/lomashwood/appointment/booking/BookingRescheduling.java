package uk.co.lomashwood.appointment.booking;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.appointment.booking.BookingAccess.Caller;
import uk.co.lomashwood.appointment.booking.BookingRequests.Reschedule;
import uk.co.lomashwood.appointment.reminder.ReminderSchedule;
import uk.co.lomashwood.appointment.slot.SlotLocks;
import uk.co.lomashwood.appointment.slot.TimeSlot;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Moves a booking to another slot (spec 30 §1.4.6); type, showroom and status stay, the history row is written. */
@Service
public class BookingRescheduling {

    private final BookingAccess access;
    private final Bookings bookings;
    private final BookingQueries queries;
    private final SlotEligibility eligibility;
    private final SlotLocks locks;
    private final ReminderSchedule reminders;
    private final BookingEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public BookingRescheduling(BookingAccess access, Bookings bookings, BookingQueries queries, SlotEligibility eligibility,
                               SlotLocks locks, ReminderSchedule reminders, BookingEvents events,
                               TransactionTemplate transactions, Clock clock) {
        this.access = access;
        this.bookings = bookings;
        this.queries = queries;
        this.eligibility = eligibility;
        this.locks = locks;
        this.reminders = reminders;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    public BookingDetails reschedule(UUID id, Reschedule request, Caller caller) {
        return locks.withLock(request.slotId(), () -> eligibility.looksFree(request.slotId()), () -> Conflicts.asSlotUnavailable(() -> transactions.execute(tx -> {
            Booking booking = access.lockForChange(id, caller);
            booking.checkReschedule(request.slotId(), caller.actor(), clock);
            UUID previousSlot = booking.slotId();
            Instant previousStart = booking.startsAt();
            Booking.BookingData d = booking.data();
            var wanted = new SlotEligibility.Wanted(d.type(), d.forKitchen(), d.forBedroom(), d.showroomId(),
                    d.customer().postcode(), caller.staff());
            TimeSlot slot = eligibility.lockEligible(request.slotId(), wanted);
            booking.moveTo(slot, caller.actor(), clock);
            eligibility.release(previousSlot);
            bookings.updateState(booking, caller.user().userId(), clock.instant());
            eligibility.markBooked(slot, booking.id());
            bookings.recordReschedule(booking.id(), previousSlot, slot.id(), previousStart, slot.startsAt(),
                    request.reason(), caller.actor(), caller.user().userId());
            reminders.cancelPending(booking.id());
            if (booking.status() == BookingStatus.CONFIRMED) {
                reminders.schedule(booking.id(), slot.startsAt(), d.customer().email(), d.customer().phone());
            }
            BookingDetails details = queries.find(booking.id()).orElseThrow();
            events.rescheduled(details, previousStart, previousSlot, caller.actor(), request.reason());
            return details;
        })));
    }
}
