package uk.co.lomashwood.product.inventory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.web.response.Created;
import uk.co.lomashwood.product.catalogue.Availability;
import uk.co.lomashwood.product.catalogue.AdminTableQuery;
import uk.co.lomashwood.product.catalogue.Enums;
import uk.co.lomashwood.product.catalogue.PatchTypes;
import uk.co.lomashwood.product.catalogue.Validation;
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

/** Admin stock (spec 20 §1.3 Inventory): list and reads, create, patch, delete, restock and write-off with movements. */
@RestController
@RequestMapping("/v1/inventory")
public class InventoryController {

    private static final java.util.Map<String, String> SORTS = java.util.Map.of("quantity", "i.quantity",
            "reservedQuantity", "i.reserved_quantity", "lowStockThreshold", "i.low_stock_threshold", "status", "i.status",
            "createdAt", "i.created_at", "updatedAt", "i.updated_at", "warehouseLocation", "i.warehouse_location",
            "sku", "i.sku");
    private static final java.util.Set<String> PATCHABLE = java.util.Set.of("quantity", "lowStockThreshold",
            "warehouseLocation", "sku");

    private final StockAdministration stock;
    private final tools.jackson.databind.ObjectMapper json;
    private final jakarta.validation.Validator validator;

    public InventoryController(StockAdministration stock, tools.jackson.databind.ObjectMapper json,
                               jakarta.validation.Validator validator) {
        this.stock = stock;
        this.json = json;
        this.validator = validator;
    }

    @GetMapping
    @RequireRole(Role.ADMIN)
    public ApiResponse<List<StockStore.Stock>> list(@RequestParam(required = false) String status,
                                                    @RequestParam(required = false) UUID productId,
                                                    @RequestParam(required = false) String warehouseLocation,
                                                    @RequestParam(required = false) String search,
                                                    @RequestParam(required = false) String sortBy,
                                                    @RequestParam(required = false) String sortOrder,
                                                    @RequestParam(required = false) Integer page,
                                                    @RequestParam(required = false) Integer limit) {
        AdminTableQuery table = AdminTableQuery.parse(SORTS, "createdAt", sortBy, sortOrder, search);
        return ApiResponse.offset(stock.list(new StockStore.ListQuery(
                status == null ? null : Enums.parse(Availability.class, status, "status").name(), productId,
                warehouseLocation, table.search(), table.sortColumn(), table.descending(),
                PageRequest.of(page, limit))));
    }

    public record Create(@NotNull UUID productId, UUID variantId, @NotNull @Min(0) @Max(999_999) Integer quantity,
                         @Min(0) @Max(10_000) Integer lowStockThreshold, @Size(min = 1, max = 255) String warehouseLocation,
                         @Size(min = 1, max = 100) String sku) {
    }

    @PostMapping
    @RequireRole(Role.ADMIN)
    public ResponseEntity<ApiResponse<StockStore.Stock>> create(@Valid @RequestBody Create body, UserContext user) {
        StockStore.Stock created = stock.create(new StockAdministration.NewRow(body.productId(), body.variantId(),
                body.quantity(), body.lowStockThreshold(), body.warehouseLocation(), body.sku()), user.userId());
        return Created.under(created.id(), created);
    }

    public record Patch(@Min(0) @Max(999_999) Integer quantity, @Min(0) @Max(10_000) Integer lowStockThreshold,
                        @Size(min = 1, max = 255) String warehouseLocation, @Size(min = 1, max = 100) String sku) {
    }

    /** At least one of quantity, lowStockThreshold, warehouseLocation, sku; location and sku may be cleared. */
    @PatchMapping("/{id}")
    @RequireRole(Role.ADMIN)
    public ApiResponse<StockStore.Stock> patch(@PathVariable UUID id, @RequestBody JsonNode body, UserContext user) {
        if (body == null || !body.isObject() || body.isEmpty()) {
            throw ValidationException.of("body", "must be an object changing at least one field");
        }
        for (String name : body.propertyNames()) {
            if (!PATCHABLE.contains(name)) {
                throw ValidationException.of(name, "cannot be changed with PATCH");
            }
        }
        for (String name : List.of("quantity", "lowStockThreshold")) {
            if (body.has(name) && !body.get(name).isIntegralNumber()) {
                throw ValidationException.of(name, "must be a whole number");
            }
        }
        PatchTypes.requireJsonTypes(body, Patch.class);
        Patch patch;
        try {
            patch = json.treeToValue(body, Patch.class);
        } catch (RuntimeException e) {
            throw ValidationException.of("body", "contains a value of the wrong type");
        }
        Validation.valid(validator, patch);
        java.util.Set<String> given = new java.util.HashSet<>(body.propertyNames());
        return ApiResponse.of(stock.patch(id, new StockAdministration.Changes(patch.quantity(), patch.lowStockThreshold(),
                patch.warehouseLocation(), patch.sku(), given), user.userId()));
    }

    @DeleteMapping("/{id}")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<Void> delete(@PathVariable UUID id, UserContext user) {
        stock.delete(id, user.userId());
        return ResponseEntity.noContent().build();
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
