package uk.co.lomashwood.product.taxonomy;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.Created;
import uk.co.lomashwood.platform.web.security.RequireRole;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.product.catalogue.Enums;
import uk.co.lomashwood.product.catalogue.ProductCategory;

import java.util.List;
import java.util.UUID;

/** Ranges (ours): the public list and ADMIN management. */
@RestController
public class RangeController {

    private final Ranges ranges;

    public RangeController(Ranges ranges) {
        this.ranges = ranges;
    }

    @PostMapping("/v1/ranges")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<ApiResponse<Ranges.Range>> create(@Valid @RequestBody RangeInput body) {
        UUID id = ranges.create(body);
        return Created.under(id, ranges.get(id));
    }

    @PatchMapping("/v1/ranges/{id}")
    @RequireRole(Role.ADMIN)
    public ApiResponse<Ranges.Range> patch(@PathVariable UUID id, @RequestBody JsonNode body) {
        ranges.patch(id, body);
        return ApiResponse.of(ranges.get(id));
    }

    @DeleteMapping("/v1/ranges/{id}")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<Void> delete(@PathVariable UUID id) {
        ranges.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/v1/ranges")
    public ApiResponse<List<Ranges.Range>> list(@RequestParam(required = false) String category) {
        return ApiResponse.list(ranges.active(category == null || category.isBlank() ? null
                : Enums.parse(ProductCategory.class, category, "category")));
    }
}
