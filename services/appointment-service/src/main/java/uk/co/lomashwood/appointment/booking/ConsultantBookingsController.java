package uk.co.lomashwood.appointment.booking;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.appointment.common.Pages;
import uk.co.lomashwood.appointment.consultant.Consultants;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.page.SortOrder;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** GET /v1/appointments/consultants/{id}/bookings: a consultant's diary, for staff and the consultant themself. */
@RestController
public class ConsultantBookingsController {

    private final Consultants consultants;
    private final AdminBookingTable table;
    private final Clock clock;

    public ConsultantBookingsController(Consultants consultants, AdminBookingTable table, Clock clock) {
        this.consultants = consultants;
        this.table = table;
        this.clock = clock;
    }

    @GetMapping("/v1/appointments/consultants/{id}/bookings")
    @RequireRole({Role.ADMIN, Role.CONSULTANT})
    public ApiResponse<List<BookingView>> bookings(@PathVariable UUID id, @RequestParam(required = false) String status,
                                                   @RequestParam(required = false) String from,
                                                   @RequestParam(required = false) String to,
                                                   @RequestParam(required = false) Integer page,
                                                   @RequestParam(required = false) Integer limit, UserContext caller) {
        consultants.find(id).filter(c -> caller.hasRole(Role.ADMIN) || (caller.userId() != null
                        && caller.userId().equals(c.userId())))
                .orElseThrow(() -> new ApiException(ErrorCode.CONSULTANT_NOT_FOUND, "No consultant with this id."));
        AdminFilter filter = new AdminFilter(BookingReading.statuses(status), null, null, null, id, null, null,
                AdminFilter.lower("from", from), AdminFilter.upper("to", to), null, null, null);
        OffsetPage<BookingDetails> found = table.page(filter,
                SortOrder.parse(null, AdminBookingTable.SORT_FIELDS, "scheduledAt"), PageRequest.of(page, limit));
        return ApiResponse.offset(Pages.map(found, d -> BookingView.of(d, true, clock)));
    }
}
