package uk.co.lomashwood.product.taxonomy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.response.Created;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;
import uk.co.lomashwood.product.catalogue.Enums;
import uk.co.lomashwood.product.catalogue.Scope;

import java.util.List;
import java.util.UUID;

/** Colour swatches (spec 20 §1.3 Colours). */
@RestController
@RequestMapping("/v1/colours")
public class ColourController {

    private final Colours colours;

    public ColourController(Colours colours) {
        this.colours = colours;
    }

    @GetMapping
    public ApiResponse<List<Colour>> list(@RequestParam(required = false) String q,
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
        return ApiResponse.offset(colours.list(new Colours.ListQuery(q == null || q.isBlank() ? null : q.trim(),
                category == null ? null : Enums.parse(Scope.class, category, "category"),
                admin ? isActive : Boolean.TRUE, PageRequest.of(page, limit), sortBy, descending(sortOrder))));
    }

    public record Bulk(@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(min = 1, max = 50)
                       List<@NotNull ColourInput> colours) {
    }

    public record Failure(int index, String name, String error) {
    }

    public record BulkResult(List<Colour> created, List<Failure> failed) {
    }

    /** Each colour on its own: valid ones are created, the others are reported with the reason. */
    @PostMapping("/bulk")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<ApiResponse<BulkResult>> bulk(@RequestBody Bulk body) {
        if (body == null || body.colours() == null || body.colours().isEmpty() || body.colours().size() > 50) {
            throw ValidationException.of("colours", "must hold 1 to 50 colours");
        }
        List<Colour> created = new java.util.ArrayList<>();
        List<Failure> failed = new java.util.ArrayList<>();
        for (int i = 0; i < body.colours().size(); i++) {
            ColourInput input = body.colours().get(i);
            try {
                created.add(colours.get(colours.create(colours.valid(input)), true));
            } catch (uk.co.lomashwood.platform.core.error.ApiException e) {
                failed.add(new Failure(i, input == null ? null : input.name(), e.code().name()));
            }
        }
        return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
                .body(ApiResponse.of(new BulkResult(created, failed)));
    }

    @GetMapping("/{id}")
    public ApiResponse<Colour> get(@PathVariable UUID id, UserContext user) {
        return ApiResponse.of(colours.get(id, user.hasRole(Role.ADMIN)));
    }

    @PostMapping
    @RequireRole(Role.ADMIN)
    public ResponseEntity<ApiResponse<Colour>> create(@Valid @RequestBody ColourInput body) {
        UUID id = colours.create(body);
        return Created.under(id, colours.get(id, true));
    }

    @PatchMapping("/{id}")
    @RequireRole(Role.ADMIN)
    public ApiResponse<Colour> patch(@PathVariable UUID id, @RequestBody JsonNode body) {
        colours.patch(id, body);
        return ApiResponse.of(colours.get(id, true));
    }

    public record StatusChange(@NotNull Boolean isActive) {
    }

    @PatchMapping("/{id}/status")
    @RequireRole(Role.ADMIN)
    public ApiResponse<Colour> status(@PathVariable UUID id, @Valid @RequestBody StatusChange body) {
        colours.setActive(id, body.isActive());
        return ApiResponse.of(colours.get(id, true));
    }

    public record BulkDelete(@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(min = 1, max = 50)
                             List<@jakarta.validation.constraints.NotNull UUID> ids) {
    }

    @PostMapping("/bulk-delete")
    @RequireRole(Role.ADMIN)
    public ApiResponse<BulkDeletion> bulkDelete(@Valid @RequestBody BulkDelete body) {
        return ApiResponse.of(BulkDeletion.run(body.ids(), colours::delete));
    }

    @DeleteMapping("/{id}")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<Void> delete(@PathVariable UUID id) {
        colours.delete(id);
        return ResponseEntity.noContent().build();
    }

    static boolean descending(String sortOrder) {
        if (sortOrder == null || sortOrder.equalsIgnoreCase("asc")) {
            return false;
        }
        if (sortOrder.equalsIgnoreCase("desc")) {
            return true;
        }
        throw ValidationException.of("sortOrder", "must be asc or desc");
    }
}
