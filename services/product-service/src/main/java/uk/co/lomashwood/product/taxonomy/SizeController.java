package uk.co.lomashwood.product.taxonomy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.response.Created;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;
import uk.co.lomashwood.product.catalogue.Enums;
import uk.co.lomashwood.product.catalogue.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Size presets (spec 20 §1.3 Sizes): public reads of active presets, admin writes and bulk operations. */
@RestController
@RequestMapping("/v1/sizes")
public class SizeController {

    private final Sizes sizes;

    public SizeController(Sizes sizes) {
        this.sizes = sizes;
    }

    @GetMapping
    public ApiResponse<List<Size>> list(@RequestParam(required = false) String q,
                                        @RequestParam(required = false) String category,
                                        @RequestParam(required = false) Boolean isActive,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer limit,
                                        @RequestParam(required = false) String sortBy,
                                        @RequestParam(required = false) String sortOrder, UserContext user) {
        if (q != null && q.length() > 100) {
            throw ValidationException.of("q", "must be at most 100 characters");
        }
        boolean admin = user.hasRole(Role.ADMIN);
        if (isActive != null && !admin) {
            throw ValidationException.of("isActive", "only administrators may filter by isActive");
        }
        return ApiResponse.offset(sizes.list(new Sizes.ListQuery(q == null || q.isBlank() ? null : q.trim(),
                category == null ? null : Enums.parse(Scope.class, category, "category"),
                admin ? isActive : Boolean.TRUE, PageRequest.of(page, limit), sortBy,
                ColourController.descending(sortOrder))));
    }

    @GetMapping("/{id}")
    public ApiResponse<Size> get(@PathVariable UUID id, UserContext user) {
        return ApiResponse.of(sizes.get(id, user.hasRole(Role.ADMIN)));
    }

    @PostMapping
    @RequireRole(Role.ADMIN)
    public ResponseEntity<ApiResponse<Size>> create(@Valid @RequestBody SizeInput body) {
        UUID id = sizes.create(body);
        return Created.under(id, sizes.get(id, true));
    }

    public record Bulk(@NotNull @jakarta.validation.constraints.Size(min = 1, max = 50) List<@NotNull SizeInput> sizes) {
    }

    public record Failure(int index, String name, String error) {
    }

    public record BulkResult(List<Size> created, List<Failure> failed) {
    }

    /** Each preset on its own: valid ones are created, the others reported with their error code. */
    @PostMapping("/bulk")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<ApiResponse<BulkResult>> bulk(@Valid @RequestBody Bulk body) {
        List<Size> created = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        for (int i = 0; i < body.sizes().size(); i++) {
            SizeInput input = body.sizes().get(i);
            try {
                created.add(sizes.get(sizes.create(sizes.valid(input)), true));
            } catch (ApiException e) {
                failed.add(new Failure(i, input.name(), e.code().name()));
            }
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.of(new BulkResult(created, failed)));
    }

    @PatchMapping("/{id}")
    @RequireRole(Role.ADMIN)
    public ApiResponse<Size> patch(@PathVariable UUID id, @RequestBody JsonNode body) {
        sizes.patch(id, body);
        return ApiResponse.of(sizes.get(id, true));
    }

    @PatchMapping("/{id}/status")
    @RequireRole(Role.ADMIN)
    public ApiResponse<Size> status(@PathVariable UUID id, @Valid @RequestBody ColourController.StatusChange body) {
        sizes.setActive(id, body.isActive());
        return ApiResponse.of(sizes.get(id, true));
    }

    @PostMapping("/bulk-delete")
    @RequireRole(Role.ADMIN)
    public ApiResponse<BulkDeletion> bulkDelete(@Valid @RequestBody ColourController.BulkDelete body) {
        return ApiResponse.of(BulkDeletion.run(body.ids(), sizes::delete));
    }

    @DeleteMapping("/{id}")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<Void> delete(@PathVariable UUID id) {
        sizes.delete(id);
        return ResponseEntity.noContent().build();
    }
}
