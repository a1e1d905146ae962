package uk.co.lomashwood.appointment.booking;

import org.springframework.stereotype.Service;
import uk.co.lomashwood.appointment.booking.BookingAccess.Caller;
import uk.co.lomashwood.appointment.common.Pages;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Views of one booking or of a customer's bookings. */
@Service
public class BookingReading {

    private final BookingAccess access;
    private final BookingQueries queries;
    private final Clock clock;

    public BookingReading(BookingAccess access, BookingQueries queries, Clock clock) {
        this.access = access;
        this.queries = queries;
        this.clock = clock;
    }

    public BookingView view(UUID id, Caller caller) {
        BookingDetails details = queries.find(id).orElseThrow(BookingAccess::notFound);
        access.checkView(details.booking(), caller);
        return view(details, caller);
    }

    public BookingView view(BookingDetails details, Caller caller) {
        return BookingView.of(details, caller.user().hasRole(Role.ADMIN), clock);
    }

    public OffsetPage<BookingView> ofUser(UUID userId, String status, boolean upcoming, PageRequest page, boolean staff) {
        OffsetPage<BookingDetails> found = queries.ofUser(userId, statuses(status), upcoming, clock.instant(), page);
        return Pages.map(found, d -> BookingView.of(d, staff, clock));
    }

    static List<String> statuses(String status) {
        if (status == null || status.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(status.split(",")).map(String::trim).map(BookingStatus::valueOf).map(Enum::name).toList();
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("status", "must be a comma-separated list of booking statuses");
        }
    }
}
