package uk.co.lomashwood.appointment.booking;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.web.response.ApiResponse;

import java.util.List;
import java.util.UUID;

/** For customer-service: a user's bookings (dashboard, GDPR export). Internal token only; never routed publicly. */
@RestController
public class InternalBookingController {

    private final BookingReading reading;

    public InternalBookingController(BookingReading reading) {
        this.reading = reading;
    }

    @GetMapping("/internal/appointments")
    public ApiResponse<List<BookingView>> ofUser(@RequestParam UUID userId, @RequestParam(required = false) Integer page,
                                                 @RequestParam(required = false) Integer limit,
                                                 @RequestParam(required = false) String status) {
        return ApiResponse.offset(reading.ofUser(userId, status, false, PageRequest.of(page, limit), false));
    }
}
