package uk.co.lomashwood.notification.preference;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.util.Map;

/** {@code /v1/notifications/me/preferences}: the caller's own notification preferences. */
@RestController
@RequestMapping("/v1/notifications/me/preferences")
@RequireRole({Role.CUSTOMER, Role.CONSULTANT, Role.ADMIN, Role.SUPER_ADMIN})
public class PreferenceController {

    private final PreferenceSettings settings;

    public PreferenceController(PreferenceSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    public ApiResponse<Map<String, Object>> get(UserContext caller) {
        return ApiResponse.of(settings.view(caller.requireUserId()));
    }

    @PatchMapping(consumes = {"application/json", "application/merge-patch+json"})
    public ApiResponse<Map<String, Object>> patch(UserContext caller, @RequestBody JsonNode patch) {
        return ApiResponse.of(settings.update(caller.requireUserId(), patch));
    }
}
