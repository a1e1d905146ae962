package uk.co.lomashwood.appointment.booking;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.appointment.common.AppointmentType;
import uk.co.lomashwood.appointment.common.ManageLinks;
import uk.co.lomashwood.appointment.booking.BookingRequests.NewBooking;
import uk.co.lomashwood.appointment.reminder.ReminderSchedule;
import uk.co.lomashwood.appointment.slot.SlotLocks;
import uk.co.lomashwood.appointment.slot.TimeSlot;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.time.Clock;
import java.util.UUID;

/** Step 4 submit (spec 30 §1.4.1, §1.4.4): Redis race guard, then slot row lock, checks, insert, outbox. */
@Service
public class BookingCreation {

    private final SlotEligibility eligibility;
    private final SlotLocks locks;
    private final Bookings bookings;
    private final BookingQueries queries;
    private final ReminderSchedule reminders;
    private final BookingEvents events;
    private final ManageLinks links;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public BookingCreation(SlotEligibility eligibility, SlotLocks locks, Bookings bookings, BookingQueries queries,
                           ReminderSchedule reminders, BookingEvents events, ManageLinks links,
                           TransactionTemplate transactions, Clock clock) {
        this.eligibility = eligibility;
        this.locks = locks;
        this.bookings = bookings;
        this.queries = queries;
        this.reminders = reminders;
        this.events = events;
        this.links = links;
        this.transactions = transactions;
        this.clock = clock;
    }

    public BookingView book(NewBooking request, UserContext caller, String analyticsSessionId) {
        boolean staff = caller.hasRole(Role.ADMIN);
        checkShape(request, staff);
        CustomerDetails customer = request.customerDetails().normalised();
        if (request.appointmentType() == AppointmentType.HOME_MEASUREMENT && customer.address() == null) {
            throw ValidationException.of("customerDetails.address", "is required for a home measurement");
        }
        eligibility.activeType(request.appointmentType());
        var wanted = new SlotEligibility.Wanted(request.appointmentType(), request.forKitchen(), request.forBedroom(),
                request.showroomId(), customer.postcode(), staff);
        UUID bookingId = UUID.randomUUID();
        BookingDetails created = locks.withLock(request.slotId(), () -> eligibility.looksFree(request.slotId()), () -> Conflicts.asSlotUnavailable(() ->
                transactions.execute(tx -> {
                    TimeSlot slot = eligibility.lockEligible(request.slotId(), wanted);
                    Booking booking = Booking.onSlot(data(bookingId, request, customer, caller, staff), slot,
                            staff && request.status() != null ? request.status() : BookingStatus.CONFIRMED, clock);
                    bookings.insert(booking, ManageLinks.hash(links.tokenFor(bookingId)), caller.userId());
                    eligibility.markBooked(slot, bookingId);
                    if (booking.status() == BookingStatus.CONFIRMED) {
                        reminders.schedule(bookingId, slot.startsAt(), customer.email(), customer.phone());
                    }
                    BookingDetails details = queries.find(bookingId).orElseThrow();
                    events.created(details, analyticsSessionId);
                    return details;
                })));
        return BookingView.of(created, staff, clock).withManageToken(links.tokenFor(bookingId));
    }

    private Booking.BookingData data(UUID id, NewBooking r, CustomerDetails customer, UserContext caller, boolean staff) {
        UUID userId = staff ? r.userId() : caller.role() == Role.CUSTOMER ? caller.userId() : null;
        return new Booking.BookingData(id, bookings.nextReference(clock.instant()), userId, r.appointmentType(),
                r.forKitchen(), r.forBedroom(), customer,
                r.appointmentType() == AppointmentType.SHOWROOM ? r.showroomId() : null, staff ? "ADMIN" : "WEB",
                r.notes(), staff ? r.internalNotes() : null, null,
                !staff || r.sendNotifications() == null || r.sendNotifications(), clock.instant(), clock.instant());
    }

    private static void checkShape(NewBooking r, boolean staff) {
        if (!staff && (r.status() != null || r.internalNotes() != null || r.userId() != null || r.sendNotifications() != null)) {
            throw ValidationException.of("status", "status, internalNotes, userId and sendNotifications are for staff only");
        }
        if (staff && r.status() != null && !r.status().isActive()) {
            throw ValidationException.of("status", "must be PENDING or CONFIRMED");
        }
        if (!r.forKitchen() && !r.forBedroom()) {
            throw new ApiException(ErrorCode.NO_CATEGORY_SELECTED, "Choose kitchen, bedroom or both.");
        }
        if (r.appointmentType() == AppointmentType.SHOWROOM && r.showroomId() == null) {
            throw ValidationException.of("showroomId", "is required for a showroom visit");
        }
        if (r.appointmentType() != AppointmentType.SHOWROOM && r.showroomId() != null) {
            throw ValidationException.of("showroomId", "must be absent unless the type is SHOWROOM");
        }
    }
}
