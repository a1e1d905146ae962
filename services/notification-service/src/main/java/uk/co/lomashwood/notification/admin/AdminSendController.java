package uk.co.lomashwood.notification.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.idempotency.Idempotent;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.security.RequireRole;

/** {@code /v1/admin/notifications/send}, {@code /bulk} and {@code /batches/{batchId}[/cancel]} (spec 40 §1.3). */
@RestController
@RequestMapping("/v1/admin/notifications")
@RequireRole(Role.ADMIN)
public class AdminSendController {

    private final AdminSends sends;

    public AdminSendController(AdminSends sends) {
        this.sends = sends;
    }

    @PostMapping("/send")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Idempotent
    public ApiResponse<AdminSends.Accepted> send(
                                                 @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                 @Valid @RequestBody AdminSends.Send body) {
        return ApiResponse.of(sends.send(body, key));
    }

    @PostMapping("/bulk")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ApiResponse<AdminSends.BulkAccepted> bulk(@Valid @RequestBody AdminSends.Bulk body) {
        return ApiResponse.of(sends.bulk(body));
    }

    @GetMapping("/batches/{batchId}")
    public ApiResponse<AdminSends.Batch> batch(@PathVariable @Size(max = 255) String batchId) {
        return ApiResponse.of(sends.batch(batchId));
    }

    @PostMapping("/batches/{batchId}/cancel")
    public ApiResponse<AdminSends.Batch> cancel(@PathVariable @Size(max = 255) String batchId) {
        return ApiResponse.of(sends.cancel(batchId));
    }
}
