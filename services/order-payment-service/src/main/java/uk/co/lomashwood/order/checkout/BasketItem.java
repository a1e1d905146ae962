package uk.co.lomashwood.order.checkout;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import uk.co.lomashwood.order.catalogue.ProductCatalogue.LineRequest;
import uk.co.lomashwood.platform.core.error.ValidationException;

import java.util.List;
import java.util.UUID;

/** One basket line as clients send it: never a price (strict JSON refuses any other member). */
public record BasketItem(@NotNull UUID productId, UUID variantId, UUID colourId,
                         @NotNull @Min(1) @Max(100) Integer quantity) {

    public static final int MAX_LINES = 50;
    public static final int MAX_TOTAL_QUANTITY = 999;

    /** Spec 20 §2.4.1 step 1 (lines and per-line quantity are bean-validated): total quantity ≤ 999. */
    public static List<LineRequest> toLines(List<BasketItem> items) {
        int total = items.stream().mapToInt(BasketItem::quantity).sum();
        if (total > MAX_TOTAL_QUANTITY) {
            throw ValidationException.of("items", "the total quantity must be " + MAX_TOTAL_QUANTITY + " or less");
        }
        return items.stream().map(i -> new LineRequest(i.productId(), i.variantId(), i.colourId(), i.quantity())).toList();
    }
}
