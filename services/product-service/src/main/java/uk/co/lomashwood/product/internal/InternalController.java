package uk.co.lomashwood.product.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.product.catalogue.Vat;
import uk.co.lomashwood.product.inventory.Reservations;
import uk.co.lomashwood.product.product.ProductCard;
import uk.co.lomashwood.product.product.ProductQueries;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Service-to-service endpoints (spec 20 §1.3 internal); never routed by the gateway, token required. */
@RestController
@RequestMapping("/internal/v1")
public class InternalController {

    private final PriceCheck priceCheck;
    private final ProductQueries products;
    private final Reservations reservations;

    public InternalController(PriceCheck priceCheck, ProductQueries products, Reservations reservations) {
        this.priceCheck = priceCheck;
        this.products = products;
        this.reservations = reservations;
    }

    public record PriceCheckItem(@NotNull UUID productId, UUID variantId, UUID colourId,
                                 @NotNull @Min(1) @Max(10_000) Integer quantity) {
    }

    public record PriceCheckRequest(@NotNull @Size(min = 1, max = 50) List<@Valid @NotNull PriceCheckItem> items) {
    }

    @PostMapping("/products/price-check")
    public ApiResponse<Map<String, List<PriceCheck.Result>>> priceCheck(@Valid @RequestBody PriceCheckRequest body) {
        return ApiResponse.of(Map.of("items", priceCheck.check(body.items().stream()
                .map(i -> new PriceCheck.Item(i.productId(), i.variantId(), i.colourId(), i.quantity())).toList())));
    }

    public record LookupRequest(@NotNull @Size(min = 1, max = 100) List<@NotNull UUID> ids) {
    }

    public record LookupItem(UUID productId, String title, String slug, String category, String status,
                             String primaryImageUrl, Money price, Money priceIncVat, String currency,
                             String availability) {
    }

    @PostMapping("/products/lookup")
    public ApiResponse<List<LookupItem>> lookup(@Valid @RequestBody LookupRequest body) {
        return ApiResponse.list(products.cards(new java.util.LinkedHashSet<>(body.ids()), false).stream()
                .map(InternalController::lookupItem).toList());
    }

    public record ReserveLine(@NotNull UUID productId, UUID variantId, @NotNull @Min(1) @Max(10_000) Integer quantity) {
    }

    public record ReserveRequest(@NotNull UUID orderId, @NotNull Instant expiresAt,
                                 @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull ReserveLine> items) {
    }

    @PostMapping("/inventory/reservations")
    public ResponseEntity<ApiResponse<Reservations.Outcome>> reserve(@Valid @RequestBody ReserveRequest body) {
        Reservations.Outcome outcome = reservations.reserve(body.orderId(), body.expiresAt(), body.items().stream()
                .map(l -> new Reservations.Line(l.productId(), l.variantId(), l.quantity())).toList());
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(ApiResponse.of(outcome));
    }

    @PostMapping("/inventory/reservations/{orderId}/commit")
    public ApiResponse<Map<String, Object>> commit(@PathVariable UUID orderId) {
        reservations.commit(orderId);
        return ApiResponse.of(Map.of("orderId", orderId, "status", "COMMITTED"));
    }

    @PostMapping("/inventory/reservations/{orderId}/release")
    public ApiResponse<Map<String, Object>> release(@PathVariable UUID orderId) {
        reservations.release(orderId);
        return ApiResponse.of(Map.of("orderId", orderId, "status", "RELEASED"));
    }

    private static LookupItem lookupItem(ProductCard card) {
        return new LookupItem(card.id(), card.title(), card.slug(), card.category().name(), card.status().name(),
                card.primaryImage() == null ? null : card.primaryImage().url(), card.price(), Vat.incVat(card.price()),
                Money.CURRENCY, card.availability().name());
    }
}
