package uk.co.lomashwood.notification.history;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.platform.web.response.ApiResponse;

import java.util.Map;
import java.util.UUID;

/** {@code GET /internal/notifications/users/{userId}/export} for customer-service's subject access requests. */
@RestController
public class InternalExportController {

    private final SubjectAccessExport export;

    public InternalExportController(SubjectAccessExport export) {
        this.export = export;
    }

    @GetMapping("/internal/notifications/users/{userId}/export")
    public ApiResponse<Map<String, Object>> export(@PathVariable UUID userId) {
        return ApiResponse.of(export.export(userId));
    }
}
