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

/** Sales and offers (spec 20 §1.3 Sales): public reads of current sales, admin writes. */
@RestController
@RequestMapping("/v1/sales")
public class SaleController {

    private final Sales sales;

    public SaleController(Sales sales) {
        this.sales = sales;
    }

    @GetMapping
    public ApiResponse<List<Sale>> list(@RequestParam(required = false) String category,
                                        @RequestParam(required = false) String state,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer limit, UserContext user) {
        Sales.State wanted = state == null ? Sales.State.CURRENT : Enums.parse(Sales.State.class, state, "state");
        if (wanted != Sales.State.CURRENT && !user.hasRole(Role.ADMIN)) {
            throw ValidationException.of("state", "only administrators may list non-current sales");
        }
        return ApiResponse.offset(sales.list(category == null ? null
                : Enums.parse(ProductCategory.class, category, "category"), wanted, PageRequest.of(page, limit)));
    }

    @GetMapping("/slug/{slug}")
    public ApiResponse<Sale> bySlug(@PathVariable String slug, UserContext user) {
        return ApiResponse.of(sales.bySlug(slug, user.hasRole(Role.ADMIN)));
    }

    @GetMapping("/{id}")
    public ApiResponse<Sale> get(@PathVariable UUID id, UserContext user) {
        return ApiResponse.of(sales.get(id, user.hasRole(Role.ADMIN)));
    }

    @PostMapping
    @RequireRole(Role.ADMIN)
    public ResponseEntity<ApiResponse<Sale>> create(@Valid @RequestBody SaleInput body, UserContext user) {
        UUID id = sales.create(body, user.userId());
        return Created.under(id, sales.get(id, true));
    }

    @PatchMapping("/{id}")
    @RequireRole(Role.ADMIN)
    public ApiResponse<Sale> patch(@PathVariable UUID id, @RequestBody JsonNode body, UserContext user) {
        sales.patch(id, body, user.userId());
        return ApiResponse.of(sales.get(id, true));
    }

    @DeleteMapping("/{id}")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<Void> delete(@PathVariable UUID id) {
        sales.delete(id);
        return ResponseEntity.noContent().build();
    }
}
