package uk.co.lomashwood.order.refund;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/** Request bodies of {@code /v1/refunds}. */
final class RefundRequests {

    private RefundRequests() {
    }

    /** {@code amount} (pounds) and {@code items} are exclusive; neither means the whole remaining amount. */
    record Create(@NotNull UUID orderId,
                  @DecimalMin("0.01") @Digits(integer = 9, fraction = 2) BigDecimal amount,
                  @Size(min = 1, max = 50) List<@Valid @NotNull Item> items,
                  @NotNull RefundReason reason,
                  @Size(max = 1000) String notes,
                  JsonNode metadata) {

        @AssertTrue(message = "give either amount or items, not both")
        boolean isAmountOrItems() {
            return amount == null || items == null;
        }

        @AssertTrue(message = "each order item may appear once")
        boolean isItemsDistinct() {
            return items == null || items.stream().filter(i -> i != null).map(Item::orderItemId).allMatch(new HashSet<>()::add);
        }

        @AssertTrue(message = "metadata must be a JSON object of at most 2000 characters")
        boolean isMetadataSmall() {
            return metadata == null || metadata.isObject() && metadata.toString().length() <= 2000;
        }
    }

    record Item(@NotNull UUID orderItemId, @NotNull @Min(1) @Max(100) Integer quantity) {
    }

    record Bulk(@NotEmpty @Size(max = 50) List<@NotNull UUID> orderIds, @NotNull RefundReason reason) {

        @AssertTrue(message = "each order may appear once")
        boolean isDistinct() {
            return orderIds == null || orderIds.stream().distinct().count() == orderIds.size();
        }
    }
}
