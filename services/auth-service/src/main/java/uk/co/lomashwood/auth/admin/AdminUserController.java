package uk.co.lomashwood.auth.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.auth.user.UserStatus;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.util.List;
import java.util.UUID;

/**
 * {@code /v1/admin/users}: list, detail, role and status changes, unlock (ADMIN and SUPER_ADMIN). The list takes
 * the free-text search as {@code q} (spec 00 §1.4; {@code search} is accepted as well).
 */
@RestController
@RequestMapping("/v1/admin/users")
@RequireRole(Role.ADMIN)
public class AdminUserController {

    private final AdminUserQueries queries;
    private final UserAdministration administration;

    public AdminUserController(AdminUserQueries queries, UserAdministration administration) {
        this.queries = queries;
        this.administration = administration;
    }

    public record RoleChangeRequest(@NotNull Role role, @Size(min = 1, max = 500) String reason) {
    }

    public record StatusChangeRequest(
            @NotNull @Pattern(regexp = "ACTIVE|INACTIVE|SUSPENDED", message = "must be ACTIVE, INACTIVE or SUSPENDED")
            String status,
            @NotBlank @Size(min = 1, max = 500) String reason) {
    }

    @GetMapping
    public ApiResponse<List<AdminUserQueries.Row>> list(
            @RequestParam(required = false) String q, @RequestParam(required = false) String search,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String status, @RequestParam(required = false) Boolean mfaEnabled,
            @RequestParam(required = false) String createdFrom, @RequestParam(required = false) String createdTo,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort) {
        UserListFilter filter = UserListFilter.parse(q != null ? q : search, role, status, mfaEnabled, createdFrom,
                createdTo, page, limit, sort);
        return ApiResponse.offset(queries.list(filter));
    }

    @GetMapping("/{userId}")
    public ApiResponse<AdminUserView> detail(@PathVariable UUID userId) {
        return ApiResponse.of(administration.detail(userId));
    }

    @PatchMapping("/{userId}/role")
    public ApiResponse<AdminUserView> changeRole(UserContext caller, @PathVariable UUID userId,
                                                 @Valid @RequestBody RoleChangeRequest body, HttpServletRequest request) {
        return ApiResponse.of(administration.changeRole(caller, userId, body.role(), body.reason(),
                ClientInfo.of(request)));
    }

    @PatchMapping("/{userId}/status")
    public ApiResponse<AdminUserView> changeStatus(UserContext caller, @PathVariable UUID userId,
                                                   @Valid @RequestBody StatusChangeRequest body,
                                                   HttpServletRequest request) {
        return ApiResponse.of(administration.changeStatus(caller, userId, UserStatus.valueOf(body.status()),
                body.reason().strip(), ClientInfo.of(request)));
    }

    @PostMapping("/{userId}/unlock")
    public ApiResponse<AdminUserView> unlock(UserContext caller, @PathVariable UUID userId, HttpServletRequest request) {
        return ApiResponse.of(administration.unlock(caller, userId, ClientInfo.of(request)));
    }
}
