package uk.co.lomashwood.appointment.booking;

import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.appointment.booking.BookingAccess.Caller;
import uk.co.lomashwood.appointment.booking.BookingRequests.StatusChange;
import uk.co.lomashwood.appointment.common.AppointmentType;
import uk.co.lomashwood.appointment.common.Pages;
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

/** The admin appointment table (FR5.7), its CSV export and status changes. */
@RestController
@RequireRole(Role.ADMIN)
public class AdminBookingController {

    private static final int EXPORT_LIMIT = 10_000;

    private final AdminBookingTable table;
    private final BookingStatusChange statusChange;
    private final BookingAdministration administration;
    private final BookingStats stats;
    private final BookingReminders reminders;
    private final BookingReading reading;
    private final Clock clock;

    public AdminBookingController(AdminBookingTable table, BookingStatusChange statusChange,
                                  BookingAdministration administration, BookingStats stats, BookingReminders reminders,
                                  BookingReading reading, Clock clock) {
        this.table = table;
        this.statusChange = statusChange;
        this.administration = administration;
        this.stats = stats;
        this.reminders = reminders;
        this.reading = reading;
        this.clock = clock;
    }

    @GetMapping("/v1/appointments/stats/overview")
    public ApiResponse<BookingStats.Overview> overview(@RequestParam(required = false) String from,
                                                       @RequestParam(required = false) String to) {
        java.time.Instant end = to == null ? clock.instant() : AdminFilter.upper("to", to);
        java.time.Instant start = from == null ? end.minus(java.time.Duration.ofDays(30)) : AdminFilter.lower("from", from);
        return ApiResponse.of(stats.overview(start, end));
    }

    @GetMapping("/v1/appointments/" + BookingController.UUID_PATTERN + "/reminders")
    public ApiResponse<List<BookingReminders.Reminder>> reminders(@PathVariable UUID id, UserContext caller) {
        reading.view(id, new Caller(caller, null));
        return ApiResponse.list(reminders.of(id));
    }

    @PatchMapping("/v1/appointments/" + BookingController.UUID_PATTERN)
    public ApiResponse<BookingView> edit(@PathVariable UUID id, @Valid @RequestBody BookingRequests.Edit request,
                                         UserContext caller) {
        return ApiResponse.of(BookingView.of(administration.edit(id, request, new Caller(caller, null)), true, clock));
    }

    @DeleteMapping("/v1/appointments/" + BookingController.UUID_PATTERN)
    public ResponseEntity<Void> delete(@PathVariable UUID id, UserContext caller) {
        administration.delete(id, new Caller(caller, null));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/v1/appointments")
    public ApiResponse<List<BookingView>> list(@RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer limit,
                                               @RequestParam(required = false) String sort,
                                               @RequestParam(required = false) String status,
                                               @RequestParam(required = false) AppointmentType appointmentType,
                                               @RequestParam(required = false) AppointmentType type,
                                               @RequestParam(required = false) Boolean forKitchen,
                                               @RequestParam(required = false) Boolean forBedroom,
                                               @RequestParam(required = false) UUID consultantId,
                                               @RequestParam(required = false) UUID showroomId,
                                               @RequestParam(required = false) Boolean needsAttention,
                                               @RequestParam(required = false) String from,
                                               @RequestParam(required = false) String to,
                                               @RequestParam(required = false) String createdFrom,
                                               @RequestParam(required = false) String createdTo,
                                               @RequestParam(required = false) String search,
                                               @RequestParam(required = false) String q) {
        AdminFilter filter = filter(status, appointmentType != null ? appointmentType : type, forKitchen, forBedroom,
                consultantId, showroomId, needsAttention, from, to, createdFrom, createdTo, q != null ? q : search);
        OffsetPage<BookingDetails> found = table.page(filter, sortOrder(sort), PageRequest.of(page, limit));
        return ApiResponse.offset(Pages.map(found, d -> BookingView.of(d, true, clock)));
    }

    @GetMapping("/v1/appointments/export")
    public ResponseEntity<String> export(@RequestParam(required = false) String sort,
                                         @RequestParam(required = false) String status,
                                         @RequestParam(required = false) AppointmentType appointmentType,
                                         @RequestParam(required = false) Boolean forKitchen,
                                         @RequestParam(required = false) Boolean forBedroom,
                                         @RequestParam(required = false) UUID consultantId,
                                         @RequestParam(required = false) UUID showroomId,
                                         @RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to,
                                         @RequestParam(required = false) String search) {
        AdminFilter filter = filter(status, appointmentType, forKitchen, forBedroom, consultantId, showroomId, null, from, to,
                null, null, search);
        if (table.count(filter) > EXPORT_LIMIT) {
            throw new ApiException(ErrorCode.EXPORT_TOO_LARGE, "At most 10 000 rows can be exported; narrow the filters.");
        }
        String csv = BookingCsv.write(table.all(filter, sortOrder(sort), EXPORT_LIMIT));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"appointments.csv\"").body(csv);
    }

    @PatchMapping("/v1/appointments/" + BookingController.UUID_PATTERN + "/status")
    public ApiResponse<BookingView> changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusChange request,
                                                 UserContext caller) {
        return ApiResponse.of(BookingView.of(statusChange.change(id, request, new Caller(caller, null)), true, clock));
    }

    private static SortOrder sortOrder(String sort) {
        return SortOrder.parse(sort, AdminBookingTable.SORT_FIELDS, "scheduledAt");
    }

    private static AdminFilter filter(String status, AppointmentType type, Boolean forKitchen, Boolean forBedroom,
                                      UUID consultantId, UUID showroomId, Boolean needsAttention, String from, String to,
                                      String createdFrom, String createdTo, String search) {
        return new AdminFilter(BookingReading.statuses(status), type, forKitchen, forBedroom, consultantId, showroomId,
                needsAttention, AdminFilter.lower("from", from), AdminFilter.upper("to", to),
                AdminFilter.lower("createdFrom", createdFrom), AdminFilter.upper("createdTo", createdTo), search);
    }
}
