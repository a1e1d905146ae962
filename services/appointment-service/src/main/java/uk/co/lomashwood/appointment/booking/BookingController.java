package uk.co.lomashwood.appointment.booking;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.appointment.booking.BookingAccess.Caller;
import uk.co.lomashwood.appointment.booking.BookingRequests.Cancel;
import uk.co.lomashwood.appointment.booking.BookingRequests.NewBooking;
import uk.co.lomashwood.appointment.booking.BookingRequests.Reschedule;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.idempotency.Idempotent;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.response.Created;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The customer's side of bookings: guests (manage token), signed-in customers, and staff on their behalf. */
@RestController
@Validated
public class BookingController {

    static final String UUID_PATTERN = "{id:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";
    static final String TOKEN_HEADER = "X-Booking-Token";

    private final BookingCreation creation;
    private final BookingReading reading;
    private final BookingCancellation cancellation;
    private final BookingRescheduling rescheduling;

    public BookingController(BookingCreation creation, BookingReading reading, BookingCancellation cancellation,
                             BookingRescheduling rescheduling) {
        this.creation = creation;
        this.reading = reading;
        this.cancellation = cancellation;
        this.rescheduling = rescheduling;
    }

    @PostMapping("/v1/appointments")
    @Idempotent
    public ResponseEntity<ApiResponse<BookingView>> book(@Valid @RequestBody NewBooking request, UserContext caller,
                                                         @RequestHeader(name = "X-Analytics-Session-Id", required = false)
                                                         String analyticsSession) {
        String session = analyticsSession != null && analyticsSession.matches("[A-Za-z0-9_-]{8,64}") ? analyticsSession : null;
        BookingView booked = creation.book(request, caller, session);
        return Created.under(booked.id(), booked);
    }

    @GetMapping("/v1/appointments/me")
    @RequireRole(Role.CUSTOMER)
    public ApiResponse<List<BookingView>> mine(@RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer limit,
                                               @RequestParam(required = false) String status,
                                               @RequestParam(defaultValue = "false") boolean upcoming,
                                               UserContext caller) {
        return ApiResponse.offset(reading.ofUser(caller.requireUserId(), status, upcoming, PageRequest.of(page, limit), false));
    }

    @GetMapping("/v1/appointments/" + UUID_PATTERN)
    public ApiResponse<BookingView> get(@PathVariable UUID id, UserContext caller,
                                        @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        return ApiResponse.of(reading.view(id, new Caller(caller, token)));
    }

    @PatchMapping("/v1/appointments/" + UUID_PATTERN + "/cancel")
    public ApiResponse<Map<String, Object>> cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) Cancel request,
                                                   UserContext caller,
                                                   @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        Booking booking = cancellation.cancel(id, request == null ? null : request.reason(), new Caller(caller, token));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", booking.id());
        body.put("status", booking.status());
        body.put("cancelledAt", booking.state().cancelledAt());
        body.put("cancelledBy", booking.state().cancelledBy());
        return ApiResponse.of(body);
    }

    @PatchMapping("/v1/appointments/" + UUID_PATTERN + "/reschedule")
    public ApiResponse<BookingView> reschedule(@PathVariable UUID id, @Valid @RequestBody Reschedule request,
                                               UserContext caller,
                                               @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        Caller who = new Caller(caller, token);
        return ApiResponse.of(reading.view(rescheduling.reschedule(id, request, who), who));
    }
}
