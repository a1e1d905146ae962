package uk.co.lomashwood.order.payment;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the payment endpoints; strict JSON, so an {@code amount} (or any other field) is a 400. */
final class PaymentRequests {

    private PaymentRequests() {
    }

    record CreateIntent(@NotNull UUID orderId) {
    }

    record Confirm(@NotBlank @Size(max = 255) @Pattern(regexp = "pi_[A-Za-z0-9_]+") String paymentIntentId) {
    }

    record Reconcile(@NotNull Instant fromDate, @NotNull Instant toDate) {
    }

    record Cancel(@Size(min = 3, max = 500) String reason) {
    }
}
