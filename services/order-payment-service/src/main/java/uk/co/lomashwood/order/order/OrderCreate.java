package uk.co.lomashwood.order.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uk.co.lomashwood.order.checkout.BasketItem;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code POST /v1/orders} (spec 20 §2.3 OrderCreate). There is deliberately no price or amount member
 * other than {@code expectedTotalAmount}: the strict JSON reader answers 400 to any client-sent price.
 */
public record OrderCreate(@NotNull @Size(min = 1, max = BasketItem.MAX_LINES) List<@Valid @NotNull BasketItem> items,
                          @NotNull UUID shippingMethodId,
                          @NotNull @Valid Address shippingAddress,
                          @Valid Address billingAddress,
                          @Size(max = 50) String couponCode,
                          @Size(max = 1000) String notes,
                          @Email @Size(max = 254) String customerEmail,
                          @Size(max = 20) String customerPhone,
                          UUID appointmentId,
                          @Min(100) Integer loyaltyPoints,
                          @DecimalMin("0.00") BigDecimal expectedTotalAmount,
                          Boolean savePaymentMethod,
                          UUID userId) {
}
