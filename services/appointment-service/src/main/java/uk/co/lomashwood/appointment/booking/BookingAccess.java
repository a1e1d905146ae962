package uk.co.lomashwood.appointment.booking;

import org.springframework.stereotype.Component;
import uk.co.lomashwood.appointment.common.Actor;
import uk.co.lomashwood.appointment.common.ManageLinks;
import uk.co.lomashwood.appointment.consultant.Consultants;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may see or change a booking: staff; the signed-in customer who owns it; the consultant assigned (view only);
 * whoever holds its manage token. Everyone else gets 404, never 403, so ids cannot be probed.
 */
@Component
public class BookingAccess {

    private final Bookings bookings;
    private final Consultants consultants;
    private final ManageLinks links;
    private final Clock clock;

    public BookingAccess(Bookings bookings, Consultants consultants, ManageLinks links, Clock clock) {
        this.bookings = bookings;
        this.consultants = consultants;
        this.links = links;
        this.clock = clock;
    }

    /** The caller as a booking actor, when they may change it. */
    public record Caller(UserContext user, String token) {

        boolean staff() {
            return user.hasRole(Role.ADMIN);
        }

        Actor actor() {
            return staff() ? Actor.ADMIN : Actor.CUSTOMER;
        }
    }

    public void checkView(Booking booking, Caller caller) {
        if (!mayChange(booking, caller) && !assignedConsultant(booking, caller.user())) {
            throw notFound();
        }
    }

    /** Locks and returns the booking if the caller may cancel or reschedule it. */
    Booking lockForChange(UUID id, Caller caller) {
        Booking booking = bookings.lock(id).orElseThrow(BookingAccess::notFound);
        if (!mayChange(booking, caller)) {
            throw notFound();
        }
        return booking;
    }

    private boolean mayChange(Booking booking, Caller caller) {
        if (caller.staff()) {
            return true;
        }
        if (caller.token() != null) {
            return links.matches(booking.id(), caller.token()) && booking.tokenValid(clock);
        }
        UserContext user = caller.user();
        return user.userId() != null && user.role() == Role.CUSTOMER && user.userId().equals(booking.data().userId());
    }

    private boolean assignedConsultant(Booking booking, UserContext user) {
        return user.role() == Role.CONSULTANT && user.userId() != null
                && consultants.find(booking.state().consultantId()).map(c -> user.userId().equals(c.userId())).orElse(false);
    }

    public static ApiException notFound() {
        return new ApiException(ErrorCode.APPOINTMENT_NOT_FOUND, "No appointment with this id.");
    }

    Optional<Booking> find(UUID id) {
        return bookings.find(id);
    }
}
