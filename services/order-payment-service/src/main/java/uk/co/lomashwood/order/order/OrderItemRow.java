package uk.co.lomashwood.order.order;

import java.math.BigDecimal;
import java.util.UUID;

/** One {@code order_items} row; amounts in pence. */
public record OrderItemRow(UUID id, UUID orderId, UUID productId, UUID variantId, String variantName, UUID colourId,
                           String colourName, String productTitle, String sku, String category, String rangeName,
                           int quantity, long unitPrice, long totalPrice, long discountAmount, BigDecimal taxRate,
                           long taxAmount, String imageUrl) {
}
