package uk.co.lomashwood.product.inventory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.util.List;
import java.util.UUID;

/** Admin stock (spec 20 §1.3 Inventory, P1 subset): reads, restock and write-off with movements. */
@RestController
@RequestMapping("/v1/inventory")
public class InventoryController {

    private final StockAdministration stock;

    public InventoryController(StockAdministration stock) {
        this.stock = stock;
    }

    @GetMapping("/product/{productId}")
    @RequireRole({Role.ADMIN, Role.CONSULTANT})
    public ApiResponse<List<StockStore.Stock>> ofProduct(@PathVariable UUID productId) {
        return ApiResponse.list(stock.ofProduct(productId));
    }

    @GetMapping("/stats")
    @RequireRole(Role.ADMIN)
    public ApiResponse<StockStore.Totals> stats() {
        return ApiResponse.of(stock.totals());
    }

    @GetMapping("/low-stock")
    @RequireRole(Role.ADMIN)
    public ApiResponse<List<StockStore.Stock>> lowStock() {
        return ApiResponse.of(stock.view(StockAdministration.View.LOW_STOCK));
    }

    @GetMapping("/out-of-stock")
    @RequireRole(Role.ADMIN)
    public ApiResponse<List<StockStore.Stock>> outOfStock() {
        return ApiResponse.of(stock.view(StockAdministration.View.OUT_OF_STOCK));
    }

    @GetMapping("/reserved")
    @RequireRole(Role.ADMIN)
    public ApiResponse<List<StockStore.Stock>> reserved() {
        return ApiResponse.of(stock.view(StockAdministration.View.RESERVED));
    }

    @GetMapping("/sku/{sku}")
    @RequireRole(Role.ADMIN)
    public ApiResponse<StockStore.Stock> bySku(@PathVariable String sku) {
        return ApiResponse.of(stock.bySku(sku));
    }

    @GetMapping("/{id}")
    @RequireRole(Role.ADMIN)
    public ApiResponse<StockStore.Stock> get(@PathVariable UUID id) {
        return ApiResponse.of(stock.get(id));
    }

    public record Change(@NotNull UUID productId, UUID variantId, @NotNull @Min(1) @Max(999_999) Integer quantity,
                         @Size(max = 500) String reason, StockAdministration.Decrement type) {
    }

    @PostMapping("/increment")
    @RequireRole(Role.ADMIN)
    public ApiResponse<StockStore.Stock> increment(@Valid @RequestBody Change body, UserContext user) {
        return ApiResponse.of(stock.increment(body.productId(), body.variantId(), body.quantity(), body.reason(),
                user.userId()));
    }

    @PostMapping("/decrement")
    @RequireRole(Role.ADMIN)
    public ApiResponse<StockStore.Stock> decrement(@Valid @RequestBody Change body, UserContext user) {
        return ApiResponse.of(stock.decrement(body.productId(), body.variantId(), body.quantity(),
                body.type() == null ? StockAdministration.Decrement.ADJUSTMENT : body.type(), body.reason(),
                user.userId()));
    }
}
