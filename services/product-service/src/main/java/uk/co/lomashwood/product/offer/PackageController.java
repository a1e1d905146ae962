package uk.co.lomashwood.product.offer;

import jakarta.validation.Valid;
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

/** Packages (spec 20 §1.3 Sales and packages): public reads of active packages, admin writes. */
@RestController
@RequestMapping("/v1/packages")
public class PackageController {

    private final Packages packages;

    public PackageController(Packages packages) {
        this.packages = packages;
    }

    @GetMapping
    public ApiResponse<List<Packages.Package>> list(@RequestParam(required = false) String category,
                                                    @RequestParam(required = false) Integer page,
                                                    @RequestParam(required = false) Integer limit) {
        return ApiResponse.offset(packages.list(category == null ? null : Enums.parse(Scope.class, category, "category"),
                PageRequest.of(page, limit)));
    }

    @GetMapping("/slug/{slug}")
    public ApiResponse<Packages.Package> bySlug(@PathVariable String slug, UserContext user) {
        return ApiResponse.of(packages.get("slug", slug, user.hasRole(Role.ADMIN)));
    }

    @GetMapping("/{id}")
    public ApiResponse<Packages.Package> get(@PathVariable UUID id, UserContext user) {
        return ApiResponse.of(packages.get("id", id, user.hasRole(Role.ADMIN)));
    }

    @PostMapping
    @RequireRole(Role.ADMIN)
    public ResponseEntity<ApiResponse<Packages.Package>> create(@Valid @RequestBody PackageInput body, UserContext user) {
        UUID id = packages.create(body, user.userId());
        return Created.under(id, packages.get("id", id, true));
    }

    @PatchMapping("/{id}")
    @RequireRole(Role.ADMIN)
    public ApiResponse<Packages.Package> patch(@PathVariable UUID id, @RequestBody JsonNode body, UserContext user) {
        packages.patch(id, body, user.userId());
        return ApiResponse.of(packages.get("id", id, true));
    }

    @DeleteMapping("/{id}")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<Void> delete(@PathVariable UUID id) {
        packages.delete(id);
        return ResponseEntity.noContent().build();
    }
}
