package uk.co.lomashwood.notification.directory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.util.UUID;

/** {@code /v1/notifications/me/devices}: register (201 new, 200 re-bound) and unregister push tokens. */
@RestController
@RequestMapping("/v1/notifications/me/devices")
@RequireRole({Role.CUSTOMER, Role.CONSULTANT, Role.ADMIN, Role.SUPER_ADMIN})
public class DeviceController {

    public record RegisterDevice(@NotBlank @Size(max = 4096) String token,
                                 @NotNull @Pattern(regexp = "FIREBASE|WEBPUSH", message = "must be FIREBASE or WEBPUSH") String provider,
                                 @NotNull @Pattern(regexp = "IOS|ANDROID|WEB", message = "must be IOS, ANDROID or WEB") String platform,
                                 @Size(max = 128) String deviceId, @Size(max = 30) String appVersion) {
    }

    private final DeviceTokens devices;

    public DeviceController(DeviceTokens devices) {
        this.devices = devices;
    }

    @PostMapping
    public ResponseEntity<ApiResponse<DeviceTokens.Device>> register(UserContext caller,
                                                                     @Valid @RequestBody RegisterDevice body) {
        DeviceTokens.Registration registration = devices.register(caller.requireUserId(), body.token(),
                body.provider(), body.platform(), body.deviceId(), body.appVersion());
        return ResponseEntity.status(registration.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ApiResponse.of(registration.device()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void unregister(UserContext caller, @PathVariable UUID id) {
        if (!devices.deactivate(caller.requireUserId(), id)) {
            throw new ApiException(ErrorCode.DEVICE_NOT_FOUND, "No such device");
        }
    }
}
