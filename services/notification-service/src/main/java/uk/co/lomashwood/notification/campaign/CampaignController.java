package uk.co.lomashwood.notification.campaign;

import jakarta.validation.Valid;
import org.springframework.beans.factory.annotation.Value;
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
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.response.Created;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code /v1/admin/notifications/campaigns} (spec 40 §1.3), behind {@code notifications.campaigns.enabled}
 * ({@code NOTIFICATIONS_CAMPAIGNS_ENABLED}, default off: every route answers 403 {@code FEATURE_DISABLED}).
 */
@RestController
@RequestMapping("/v1/admin/notifications/campaigns")
@RequireRole(Role.ADMIN)
public class CampaignController {

    private final Campaigns campaigns;
    private final boolean enabled;

    public CampaignController(Campaigns campaigns,
                              @Value("${lomash.notification.campaigns.enabled:false}") boolean enabled) {
        this.campaigns = campaigns;
        this.enabled = enabled;
    }

    @GetMapping
    public ApiResponse<List<Campaigns.Campaign>> list(@RequestParam(required = false) String status,
                                                      @RequestParam(required = false) String channel,
                                                      @RequestParam(required = false) Integer page,
                                                      @RequestParam(required = false) Integer limit) {
        on();
        Channel only = null;
        if (channel != null) {
            try {
                only = Channel.valueOf(channel.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ApiException(ErrorCode.VALIDATION_ERROR, "channel must be EMAIL, SMS or PUSH");
            }
        }
        return ApiResponse.offset(campaigns.list(status, only, PageRequest.of(page, limit)));
    }

    @PostMapping
    public ResponseEntity<ApiResponse<Campaigns.Campaign>> create(UserContext caller,
                                                                 @Valid @RequestBody Campaigns.Draft body) {
        on();
        UUID id = campaigns.create(caller.userId(), body);
        return Created.under(id, campaigns.get(id));
    }

    @GetMapping("/{id}")
    public ApiResponse<Campaigns.Campaign> get(@PathVariable UUID id) {
        on();
        return ApiResponse.of(campaigns.get(id));
    }

    @PatchMapping("/{id}")
    public ApiResponse<Campaigns.Campaign> change(UserContext caller, @PathVariable UUID id,
                                                  @Valid @RequestBody Campaigns.Change body) {
        on();
        campaigns.change(caller.userId(), id, body);
        return ApiResponse.of(campaigns.get(id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(UserContext caller, @PathVariable UUID id) {
        on();
        campaigns.delete(caller.userId(), id);
    }

    @PostMapping("/{id}/launch")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ApiResponse<Campaigns.Campaign> launch(UserContext caller, @PathVariable UUID id) {
        on();
        campaigns.launch(caller.userId(), id);
        return ApiResponse.of(campaigns.get(id));
    }

    @PostMapping("/{id}/pause")
    public ApiResponse<Campaigns.Campaign> pause(UserContext caller, @PathVariable UUID id) {
        on();
        campaigns.pause(caller.userId(), id);
        return ApiResponse.of(campaigns.get(id));
    }

    @PostMapping("/{id}/resume")
    public ApiResponse<Campaigns.Campaign> resume(UserContext caller, @PathVariable UUID id) {
        on();
        campaigns.resume(caller.userId(), id);
        return ApiResponse.of(campaigns.get(id));
    }

    @PostMapping("/{id}/cancel")
    public ApiResponse<Campaigns.Campaign> cancel(UserContext caller, @PathVariable UUID id) {
        on();
        campaigns.cancel(caller.userId(), id);
        return ApiResponse.of(campaigns.get(id));
    }

    @GetMapping("/{id}/stats")
    public ApiResponse<Campaigns.Stats> stats(@PathVariable UUID id) {
        on();
        return ApiResponse.of(campaigns.get(id).stats());
    }

    private void on() {
        if (!enabled) {
            throw new ApiException(ErrorCode.FEATURE_DISABLED, "Campaigns are not enabled.");
        }
    }
}
