package uk.co.lomashwood.product.taxonomy;

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
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.response.Created;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;
import uk.co.lomashwood.product.catalogue.Enums;
import uk.co.lomashwood.product.catalogue.ProductCategory;

import java.util.List;
import java.util.UUID;

/** Categories (spec 20 §1.3 Categories); the category's product list lives with the products. */
@RestController
@RequestMapping("/v1/categories")
public class CategoryController {

    private final Categories categories;

    public CategoryController(Categories categories) {
        this.categories = categories;
    }

    @GetMapping
    public ApiResponse<List<Category>> list(@RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer limit,
                                            @RequestParam(required = false) String type,
                                            @RequestParam(required = false) Boolean isActive,
                                            @RequestParam(required = false) Boolean isFeatured,
                                            @RequestParam(required = false) String search,
                                            @RequestParam(required = false) UUID parentId,
                                            @RequestParam(required = false) String sortBy, UserContext user) {
        boolean admin = user.hasRole(Role.ADMIN);
        if (isActive != null && !admin) {
            throw ValidationException.of("isActive", "only administrators may filter by isActive");
        }
        if (search != null && search.length() > 100) {
            throw ValidationException.of("search", "must be at most 100 characters");
        }
        return ApiResponse.offset(categories.list(new Categories.ListQuery(type(type), admin ? isActive : Boolean.TRUE,
                isFeatured, search == null || search.isBlank() ? null : search.trim(), parentId, sortBy,
                PageRequest.of(page, limit))));
    }

    @GetMapping("/hierarchy")
    public ApiResponse<List<Category.Node>> hierarchy(@RequestParam(required = false) String type) {
        return ApiResponse.list(categories.hierarchy(type(type)));
    }

    @GetMapping("/slug/{slug}")
    public ApiResponse<Category> bySlug(@PathVariable String slug, UserContext user) {
        return ApiResponse.of(categories.bySlug(slug, user.hasRole(Role.ADMIN)));
    }

    @GetMapping("/{id}")
    public ApiResponse<Category> get(@PathVariable UUID id, UserContext user) {
        return ApiResponse.of(categories.get(id, user.hasRole(Role.ADMIN)));
    }

    @PostMapping
    @RequireRole(Role.ADMIN)
    public ResponseEntity<ApiResponse<Category>> create(@Valid @RequestBody CategoryInput body) {
        UUID id = categories.create(body);
        return Created.under(id, categories.get(id, true));
    }

    @PatchMapping("/{id}")
    @RequireRole(Role.ADMIN)
    public ApiResponse<Category> patch(@PathVariable UUID id, @RequestBody JsonNode body) {
        categories.patch(id, body);
        return ApiResponse.of(categories.get(id, true));
    }

    public record Reorder(@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(min = 1, max = 500)
                          List<@Valid @jakarta.validation.constraints.NotNull Item> categoryOrders) {
        public record Item(@jakarta.validation.constraints.NotNull UUID id,
                           @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Min(0)
                           @jakarta.validation.constraints.Max(9999) Integer order) {
        }
    }

    @PostMapping("/reorder")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<Void> reorder(@Valid @RequestBody Reorder body) {
        categories.reorder(body.categoryOrders().stream().map(i -> new Categories.Position(i.id(), i.order())).toList());
        return ResponseEntity.noContent().build();
    }

    @PatchMapping("/{id}/toggle-status")
    @RequireRole(Role.ADMIN)
    public ApiResponse<Category> toggleStatus(@PathVariable UUID id) {
        categories.toggleActive(id);
        return ApiResponse.of(categories.get(id, true));
    }

    public record BulkDelete(@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(min = 1, max = 100)
                             List<@jakarta.validation.constraints.NotNull UUID> ids) {
    }

    @PostMapping("/bulk-delete")
    @RequireRole(Role.ADMIN)
    public ApiResponse<BulkDeletion> bulkDelete(@Valid @RequestBody BulkDelete body) {
        return ApiResponse.of(BulkDeletion.run(body.ids(), categories::delete));
    }

    @DeleteMapping("/{id}")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<Void> delete(@PathVariable UUID id) {
        categories.delete(id);
        return ResponseEntity.noContent().build();
    }

    private static ProductCategory type(String raw) {
        return raw == null || raw.isBlank() ? null : Enums.parse(ProductCategory.class, raw, "type");
    }
}
