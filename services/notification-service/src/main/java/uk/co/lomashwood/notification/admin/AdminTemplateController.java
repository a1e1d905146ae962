package uk.co.lomashwood.notification.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.response.Created;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /v1/admin/notifications/templates}: list, detail, preview (never sends), test-send, and writing templates
 * (create, edit, publish, archive, restore, delete, versions).
 */
@RestController
@RequestMapping("/v1/admin/notifications/templates")
@RequireRole(Role.ADMIN)
public class AdminTemplateController {

    public record PreviewRequest(@Size(max = 100) Map<String, Object> variables) {
    }

    public record TestSendRequest(@Size(max = 100) Map<String, Object> variables, @Size(max = 320) String to) {
    }

    public record TestSent(UUID notificationId, String status) {
    }

    private final TemplateAdministration templates;
    private final TemplateAuthoring authoring;

    public AdminTemplateController(TemplateAdministration templates, TemplateAuthoring authoring) {
        this.templates = templates;
        this.authoring = authoring;
    }

    @PostMapping
    public ResponseEntity<ApiResponse<TemplateAdministration.Full>> create(
            UserContext caller, @Valid @RequestBody TemplateAuthoring.CreateTemplate body) {
        UUID id = authoring.create(caller.userId(), body);
        return Created.under(id, templates.detail(id));
    }

    @PatchMapping("/{id}")
    public ApiResponse<TemplateAdministration.Full> edit(UserContext caller, @PathVariable UUID id,
                                                         @Valid @RequestBody TemplateAuthoring.PatchTemplate body) {
        authoring.patch(caller.userId(), id, body);
        return ApiResponse.of(templates.detail(id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(UserContext caller, @PathVariable UUID id) {
        authoring.delete(caller.userId(), id);
    }

    @PostMapping("/{id}/publish")
    public ApiResponse<TemplateAdministration.Full> publish(UserContext caller, @PathVariable UUID id) {
        authoring.publish(caller.userId(), id);
        return ApiResponse.of(templates.detail(id));
    }

    @PostMapping("/{id}/archive")
    public ApiResponse<TemplateAdministration.Full> archive(UserContext caller, @PathVariable UUID id) {
        authoring.archive(caller.userId(), id);
        return ApiResponse.of(templates.detail(id));
    }

    @PostMapping("/{id}/restore")
    public ApiResponse<TemplateAdministration.Full> restore(UserContext caller, @PathVariable UUID id) {
        authoring.restore(caller.userId(), id);
        return ApiResponse.of(templates.detail(id));
    }

    @GetMapping("/{id}/versions")
    public ApiResponse<List<TemplateAuthoring.Version>> versions(@PathVariable UUID id) {
        return ApiResponse.list(authoring.versions(id));
    }

    @GetMapping("/{id}/versions/{version}")
    public ApiResponse<TemplateAuthoring.VersionDetail> version(@PathVariable UUID id, @PathVariable int version) {
        return ApiResponse.of(authoring.version(id, version));
    }

    @GetMapping
    public ApiResponse<List<TemplateAdministration.Summary>> list(
            @RequestParam(required = false) String channel, @RequestParam(required = false) String category,
            @RequestParam(required = false) String status, @RequestParam(required = false) @Size(max = 100) String search,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer limit) {
        return ApiResponse.offset(templates.list(channel, category, status, search, PageRequest.of(page, limit)));
    }

    @GetMapping("/{id}")
    public ApiResponse<TemplateAdministration.Full> detail(@PathVariable UUID id) {
        return ApiResponse.of(templates.detail(id));
    }

    @PostMapping("/{id}/preview")
    public ApiResponse<TemplateAdministration.Preview> preview(@PathVariable UUID id,
                                                               @Valid @RequestBody PreviewRequest body) {
        return ApiResponse.of(templates.preview(id, body.variables()));
    }

    @PostMapping("/{id}/test-send")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ApiResponse<TestSent> testSend(UserContext caller, @PathVariable UUID id,
                                          @Valid @RequestBody TestSendRequest body) {
        var accepted = templates.testSend(caller, id, body.variables(), body.to());
        return ApiResponse.of(new TestSent(accepted.notificationId(), accepted.status().name()));
    }
}
