package uk.co.lomashwood.appointment.showroom;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.appointment.common.Pages;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.response.Created;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.util.List;

/** Find a Showroom (FR6.0–FR6.2). */
@RestController
@Validated
public class ShowroomController {

    private final Showrooms showrooms;
    private final ShowroomDirectory directory;

    public ShowroomController(Showrooms showrooms, ShowroomDirectory directory) {
        this.showrooms = showrooms;
        this.directory = directory;
    }

    @GetMapping("/v1/showrooms")
    public ApiResponse<List<ShowroomView>> list(@RequestParam(required = false) @Size(max = 100) String search,
                                                @RequestParam(required = false) @Size(max = 100) String q,
                                                @RequestParam(required = false) @Size(max = 100) String city,
                                                @RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer limit,
                                                @RequestParam(defaultValue = "false") boolean includeInactive,
                                                UserContext caller) {
        boolean admin = caller.hasRole(Role.ADMIN);
        PageRequest paging = PageRequest.of(page, limit == null ? 50 : limit);
        var found = showrooms.list(q != null ? q : search, city, includeInactive && admin, paging);
        return ApiResponse.offset(Pages.map(found, s -> directory.view(s, admin)));
    }

    @GetMapping("/v1/showrooms/{idOrSlug}")
    public ApiResponse<ShowroomView> get(@PathVariable String idOrSlug, UserContext caller) {
        return ApiResponse.of(directory.view(idOrSlug, caller.hasRole(Role.ADMIN)));
    }

    @PatchMapping("/v1/showrooms/{id}")
    @RequireRole(Role.ADMIN)
    public ApiResponse<ShowroomView> update(@PathVariable java.util.UUID id, @Valid @RequestBody ShowroomPatch patch) {
        return ApiResponse.of(directory.update(id, patch));
    }

    @DeleteMapping("/v1/showrooms/{id}")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<Void> delete(@PathVariable java.util.UUID id) {
        directory.delete(id);
        return ResponseEntity.noContent().build();
    }

    public record NewClosure(@jakarta.validation.constraints.NotNull java.time.LocalDate date, @Size(max = 200) String reason) {
    }

    @PostMapping("/v1/showrooms/{id}/closures")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<ApiResponse<NewClosure>> addClosure(@PathVariable java.util.UUID id,
                                                              @Valid @RequestBody NewClosure closure) {
        directory.addClosure(id, closure.date(), closure.reason());
        return Created.under(closure.date(), closure);
    }

    @DeleteMapping("/v1/showrooms/{id}/closures/{date}")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<Void> removeClosure(@PathVariable java.util.UUID id, @PathVariable java.time.LocalDate date) {
        directory.removeClosure(id, date);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/v1/showrooms")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<ApiResponse<ShowroomView>> create(@Valid @RequestBody ShowroomRequest request) {
        ShowroomView created = directory.create(request);
        return Created.under(created.id(), created);
    }
}
