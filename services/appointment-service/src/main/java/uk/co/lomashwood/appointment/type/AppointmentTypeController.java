package uk.co.lomashwood.appointment.type;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.util.List;

/** Step 1 of the booking flow (FR5.1). */
@RestController
public class AppointmentTypeController {

    private final AppointmentTypes types;

    public AppointmentTypeController(AppointmentTypes types) {
        this.types = types;
    }

    @GetMapping("/v1/appointments/types")
    public ApiResponse<List<AppointmentTypeView>> list(@RequestParam(defaultValue = "false") boolean includeInactive,
                                                       UserContext caller) {
        return ApiResponse.list(types.list(includeInactive && caller.hasRole(Role.ADMIN)));
    }
}
