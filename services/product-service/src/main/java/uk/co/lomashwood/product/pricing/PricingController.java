package uk.co.lomashwood.product.pricing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.response.Created;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;
import uk.co.lomashwood.product.catalogue.AdminTableQuery;
import uk.co.lomashwood.product.catalogue.Enums;
import uk.co.lomashwood.product.catalogue.ProductCategory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Pricing rules (spec 20 §1.3 Pricing): admin CRUD, discounts, duplicates, history and the public reads. */
@RestController
@RequestMapping("/v1/pricing")
public class PricingController {

    private static final Map<String, String> SORTS = Map.of("basePrice", "r.base_price", "salePrice", "r.sale_price",
            "finalPrice", "r.final_price", "discountPercentage", "r.discount_percentage", "createdAt", "r.created_at",
            "updatedAt", "r.updated_at");

    private final PricingRules rules;
    private final Prices prices;

    public PricingController(PricingRules rules, Prices prices) {
        this.rules = rules;
        this.prices = prices;
    }

    @GetMapping
    @RequireRole(Role.ADMIN)
    public ApiResponse<List<PricingRuleView>> list(@RequestParam(required = false) UUID productId,
                                                   @RequestParam(required = false) UUID variantId,
                                                   @RequestParam(required = false) String category,
                                                   @RequestParam(required = false) BigDecimal minPrice,
                                                   @RequestParam(required = false) BigDecimal maxPrice,
                                                   @RequestParam(required = false) Boolean isOnSale,
                                                   @RequestParam(required = false) String search,
                                                   @RequestParam(required = false) String sortBy,
                                                   @RequestParam(required = false) String sortOrder,
                                                   @RequestParam(required = false) Integer page,
                                                   @RequestParam(required = false) Integer limit) {
        AdminTableQuery table = AdminTableQuery.parse(SORTS, "createdAt", sortBy, sortOrder, search);
        return ApiResponse.offset(rules.list(new PricingStore.ListQuery(productId, variantId,
                category == null ? null : Enums.parse(ProductCategory.class, category, "category").name(),
                pence(minPrice, "minPrice"), pence(maxPrice, "maxPrice"), isOnSale,
                table.search(), table.sortColumn(), table.descending(), PageRequest.of(page, limit))));
    }

    @GetMapping("/stats")
    @RequireRole(Role.ADMIN)
    public ApiResponse<PricingStore.Stats> stats() {
        return ApiResponse.of(rules.stats());
    }

    @GetMapping("/active-sales")
    public ApiResponse<List<PricingRuleView>> activeSales(@RequestParam(required = false) String category) {
        return ApiResponse.of(rules.activeSales(category == null ? null
                : Enums.parse(ProductCategory.class, category, "category").name()));
    }

    @GetMapping("/product/{productId}/comparison")
    public ApiResponse<PricingRules.Comparison> comparison(@PathVariable UUID productId) {
        return ApiResponse.of(rules.comparison(productId));
    }

    @GetMapping("/product/{productId}")
    public ApiResponse<List<PricingRuleView>> ofProduct(@PathVariable UUID productId, UserContext user) {
        return ApiResponse.of(rules.ofProduct(productId, user.hasRole(Role.ADMIN)));
    }

    @GetMapping("/{id}")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<ApiResponse<PricingRuleView>> get(@PathVariable UUID id) {
        PricingRuleView rule = rules.get(id);
        return ResponseEntity.ok().eTag("\"" + rule.version() + "\"").body(ApiResponse.of(rule));
    }

    @GetMapping("/{id}/history")
    @RequireRole(Role.ADMIN)
    public ApiResponse<List<PricingStore.History>> history(@PathVariable UUID id) {
        return ApiResponse.of(rules.history(id));
    }

    @PostMapping
    @RequireRole(Role.ADMIN)
    public ResponseEntity<ApiResponse<PricingRuleView>> create(@Valid @RequestBody PricingInput body, UserContext user) {
        UUID id = rules.create(body, user.userId());
        return Created.under(id, rules.get(id));
    }

    @PatchMapping("/{id}")
    @RequireRole(Role.ADMIN)
    public ApiResponse<PricingRuleView> patch(@PathVariable UUID id, @RequestBody JsonNode body,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                              UserContext user) {
        rules.patch(id, body, ifMatch, user.userId());
        return ApiResponse.of(rules.get(id));
    }

    public record Discount(@DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercentage,
                           @DecimalMin("0.01") @DecimalMax("9999999.99") @Digits(integer = 7, fraction = 2)
                           BigDecimal discountAmount,
                           Instant startDate, Instant endDate) {
    }

    @PostMapping("/{id}/apply-discount")
    @RequireRole(Role.ADMIN)
    public ApiResponse<PricingRuleView> applyDiscount(@PathVariable UUID id, @Valid @RequestBody Discount body,
                                                      UserContext user) {
        rules.applyDiscount(id, body.discountPercentage(), body.discountAmount(), body.startDate(), body.endDate(),
                user.userId());
        return ApiResponse.of(rules.get(id));
    }

    @PostMapping("/{id}/remove-discount")
    @RequireRole(Role.ADMIN)
    public ApiResponse<PricingRuleView> removeDiscount(@PathVariable UUID id, UserContext user) {
        rules.removeDiscount(id, user.userId());
        return ApiResponse.of(rules.get(id));
    }

    public record Duplicate(@NotNull UUID targetProductId, UUID targetVariantId) {
    }

    @PostMapping("/{id}/duplicate")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<ApiResponse<PricingRuleView>> duplicate(@PathVariable UUID id,
                                                                  @Valid @RequestBody Duplicate body, UserContext user) {
        UUID copy = rules.duplicate(id, body.targetProductId(), body.targetVariantId(), user.userId());
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.of(rules.get(copy)));
    }

    public record BulkUpdate(@NotNull @Size(min = 1, max = 100) List<@NotNull ObjectNode> updates) {
    }

    public record Failure(String id, String error) {
    }

    public record BulkResult(int updatedCount, int failedCount, List<PricingRuleView> updated, List<Failure> failed) {
    }

    /** Each update on its own: {@code {id, basePrice?, salePrice? (nullable)}}; failures are reported per id. */
    @PostMapping("/bulk-update")
    @RequireRole(Role.ADMIN)
    public ApiResponse<BulkResult> bulkUpdate(@Valid @RequestBody BulkUpdate body, UserContext user) {
        List<PricingRuleView> updated = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        for (ObjectNode update : body.updates()) {
            JsonNode idNode = update.get("id");
            String raw = idNode == null || !idNode.isString() ? null : idNode.asString();
            try {
                UUID id = parseId(raw);
                ObjectNode patch = update.deepCopy();
                patch.remove("id");
                for (String name : patch.propertyNames()) {
                    if (!name.equals("basePrice") && !name.equals("salePrice")) {
                        throw ValidationException.of(name, "only basePrice and salePrice can be bulk-updated");
                    }
                }
                rules.patch(id, patch, null, user.userId());
                updated.add(rules.get(id));
            } catch (ApiException e) {
                failed.add(new Failure(raw, e.code().name()));
            }
        }
        return ApiResponse.of(new BulkResult(updated.size(), failed.size(), updated, failed));
    }

    @DeleteMapping("/{id}")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<Void> delete(@PathVariable UUID id) {
        rules.delete(id);
        return ResponseEntity.noContent().build();
    }

    public record Calculate(@NotNull UUID productId, UUID variantId, @Min(1) @Max(10_000) Integer quantity) {
    }

    public record Calculation(UUID productId, UUID variantId, int quantity, Money basePrice, Money finalPrice,
                              Money subtotal, BigDecimal taxRate, Money taxAmount, Money total, String currency,
                              boolean isOnSale, Money discountAmount, BigDecimal discountPercentage, Money savings) {
    }

    /** Public quote of the current effective price (P2); price on request is 422 PRODUCT_UNAVAILABLE. */
    @PostMapping("/calculate")
    public ApiResponse<Calculation> calculate(@Valid @RequestBody Calculate body) {
        int quantity = body.quantity() == null ? 1 : body.quantity();
        EffectivePrice price = prices.published(body.productId(), body.variantId())
                .orElseThrow(() -> new ApiException(ErrorCode.PRODUCT_NOT_FOUND, "No such product."));
        if (price.base() == null) {
            throw new ApiException(ErrorCode.PRODUCT_UNAVAILABLE, "This product is priced on request.");
        }
        Money unit = price.unitPrice();
        Money subtotal = unit.times(quantity);
        Money total = subtotal.percent(BigDecimal.valueOf(100).add(price.taxRate()));
        Money discount = Money.ofPence(price.base() - price.effective());
        BigDecimal percentage = BigDecimal.valueOf(discount.pence() * 100)
                .divide(BigDecimal.valueOf(price.base()), 2, java.math.RoundingMode.HALF_UP);
        return ApiResponse.of(new Calculation(body.productId(), body.variantId(), quantity, Money.ofPence(price.base()),
                unit, subtotal, price.taxRate(), total.minus(subtotal), total, Money.CURRENCY, price.onSale(), discount,
                percentage, discount.times(quantity)));
    }

    private static Long pence(BigDecimal pounds, String name) {
        if (pounds == null) {
            return null;
        }
        if (pounds.signum() < 0 || pounds.stripTrailingZeros().scale() > 2 || pounds.compareTo(BigDecimal.valueOf(10_000_000)) > 0) {
            throw ValidationException.of(name, "must be pounds ≥ 0 with at most 2 decimals");
        }
        return Money.ofPounds(pounds).pence();
    }

    private static UUID parseId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (RuntimeException e) {
            throw ValidationException.of("id", "must be a uuid");
        }
    }
}
