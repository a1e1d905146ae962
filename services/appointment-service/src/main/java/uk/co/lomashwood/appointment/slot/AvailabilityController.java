package uk.co.lomashwood.appointment.slot;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.appointment.common.AppointmentType;
import uk.co.lomashwood.appointment.showroom.Showrooms;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** Step 4 of the booking flow: the slot grid (FR5.4). */
@RestController
@Validated
public class AvailabilityController {

    private final AvailabilityGrid grid;
    private final Showrooms showrooms;
    private final Clock clock;

    public AvailabilityController(AvailabilityGrid grid, Showrooms showrooms, Clock clock) {
        this.grid = grid;
        this.showrooms = showrooms;
        this.clock = clock;
    }

    @GetMapping("/v1/appointments/availability")
    public ApiResponse<GridView> availability(@RequestParam(required = false) AppointmentType type,
                                              @RequestParam(required = false) LocalDate date,
                                              @RequestParam(required = false) LocalDate from,
                                              @RequestParam(required = false) LocalDate to,
                                              @RequestParam(required = false) UUID showroomId,
                                              @RequestParam(required = false) Boolean forKitchen,
                                              @RequestParam(required = false) Boolean forBedroom,
                                              @RequestParam(required = false) String postcode,
                                              @RequestParam(required = false) UUID consultantId,
                                              UserContext caller) {
        GridQuery query = GridQuery.of(type, date, from, to, showroomId, forKitchen, forBedroom, postcode, consultantId, clock);
        return ApiResponse.of(grid.grid(query, caller.hasRole(Role.ADMIN)));
    }

    @GetMapping("/v1/showrooms/{id}/availability")
    public ApiResponse<GridView> showroomAvailability(@PathVariable UUID id,
                                                      @RequestParam(required = false) LocalDate date,
                                                      @RequestParam(required = false) LocalDate from,
                                                      @RequestParam(required = false) LocalDate to,
                                                      @RequestParam(required = false) Boolean forKitchen,
                                                      @RequestParam(required = false) Boolean forBedroom,
                                                      @RequestParam(required = false) UUID consultantId,
                                                      UserContext caller) {
        showrooms.find(id).filter(s -> s.isActive()).orElseThrow(() ->
                new ApiException(ErrorCode.SHOWROOM_NOT_FOUND, "No showroom with this id."));
        GridQuery query = GridQuery.of(AppointmentType.SHOWROOM, date, from, to, id, forKitchen, forBedroom, null,
                consultantId, clock);
        return ApiResponse.of(grid.grid(query, caller.hasRole(Role.ADMIN)));
    }
}
