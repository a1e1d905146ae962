package uk.co.lomashwood.notification.admin;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import uk.co.lomashwood.notification.dispatch.NotificationStore;
import uk.co.lomashwood.notification.gate.Preferences;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.preference.PreferenceSettings;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.response.Created;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Admin operations of spec 40 §1.3: cancelling one notification, the stats, a user's preferences (with
 * {@code optOutAll}) and the suppression list.
 */
@RestController
@RequestMapping("/v1/admin/notifications")
@RequireRole(Role.ADMIN)
public class AdminOperationsController {

    private final NotificationStore store;
    private final NotificationStats stats;
    private final PreferenceSettings settings;
    private final Preferences preferences;
    private final SuppressionAdministration suppressions;

    public AdminOperationsController(NotificationStore store, NotificationStats stats, PreferenceSettings settings,
                                     Preferences preferences, SuppressionAdministration suppressions) {
        this.store = store;
        this.stats = stats;
        this.settings = settings;
        this.preferences = preferences;
        this.suppressions = suppressions;
    }

    @PostMapping("/{id}/cancel")
    public ApiResponse<NotificationView.Summary> cancel(@PathVariable UUID id) {
        store.find(id).orElseThrow(() -> new ApiException(ErrorCode.NOTIFICATION_NOT_FOUND, "No such notification"));
        if (!store.cancel(id)) {
            throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION,
                    "Only PENDING, SCHEDULED or QUEUED notifications can be cancelled");
        }
        return ApiResponse.of(NotificationView.summary(store.find(id).orElseThrow()));
    }

    @GetMapping("/stats")
    public ApiResponse<NotificationStats.Stats> stats(@RequestParam(required = false) String from,
                                                     @RequestParam(required = false) String to,
                                                     @RequestParam(required = false) String channel) {
        return ApiResponse.of(stats.between(instant("from", from), instant("to", to), channel(channel)));
    }

    @GetMapping("/preferences/{userId}")
    public ApiResponse<Map<String, Object>> preferences(@PathVariable UUID userId) {
        return ApiResponse.of(settings.view(userId));
    }

    @PatchMapping(path = "/preferences/{userId}", consumes = {"application/json", "application/merge-patch+json"})
    public ApiResponse<Map<String, Object>> updatePreferences(@PathVariable UUID userId, @RequestBody JsonNode patch) {
        if (patch != null && patch.isObject() && patch.has("optOutAll")) {
            if (!patch.get("optOutAll").isBoolean()) {
                throw new ApiException(ErrorCode.VALIDATION_ERROR, "optOutAll must be true or false");
            }
            ObjectNode rest = ((ObjectNode) patch).deepCopy();
            rest.remove("optOutAll");
            if (patch.get("optOutAll").asBoolean()) {
                preferences.optOutAll(userId);
            }
            return ApiResponse.of(rest.isEmpty() ? settings.view(userId) : settings.update(userId, rest));
        }
        return ApiResponse.of(settings.update(userId, patch));
    }

    @GetMapping("/suppressions")
    public ApiResponse<List<SuppressionAdministration.Suppression>> suppressions(
            @RequestParam(required = false) String channel, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String address, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return ApiResponse.offset(suppressions.list(channel(channel), reason, address, PageRequest.of(page, limit)));
    }

    @PostMapping("/suppressions")
    public ResponseEntity<ApiResponse<SuppressionAdministration.Suppression>> suppress(
            @Valid @RequestBody SuppressionAdministration.NewSuppression body) {
        SuppressionAdministration.Suppression created = suppressions.add(body);
        return Created.under(created.id(), created);
    }

    @DeleteMapping("/suppressions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void lift(UserContext caller, @PathVariable UUID id) {
        suppressions.lift(caller, id);
    }

    private static Channel channel(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Channel.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "channel must be EMAIL, SMS or PUSH");
        }
    }

    private static Instant instant(String name, String value) {
        try {
            return value == null || value.isBlank() ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, name + " must be an ISO-8601 instant");
        }
    }
}
