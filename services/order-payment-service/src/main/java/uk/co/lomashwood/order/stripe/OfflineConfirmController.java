package uk.co.lomashwood.order.stripe;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.util.Locale;

/**
 * Exists only while the offline provider stands in for Stripe: the step Stripe.js performs in the browser,
 * confirming a payment intent with its client secret and one of Stripe's test payment methods.
 */
@RestController
@Conditional(StripeMode.Offline.class)
class OfflineConfirmController {

    private final OfflinePaymentGateway gateway;

    OfflineConfirmController(OfflinePaymentGateway gateway) {
        this.gateway = gateway;
    }

    @PostMapping("/v1/payments/offline/confirm")
    ApiResponse<Confirmation> confirm(@Valid @RequestBody ConfirmRequest request, UserContext caller) {
        caller.requireUserId();
        PaymentGateway.Intent intent = gateway.confirm(request.paymentIntentId(), request.clientSecret(), request.paymentMethod());
        return ApiResponse.of(Confirmation.of(intent));
    }

    record ConfirmRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "pi_[A-Za-z0-9]+") String paymentIntentId,
                          @NotBlank @Size(max = 128) String clientSecret,
                          @NotBlank @Size(max = 64) @Pattern(regexp = OfflineTestCard.PATTERN) String paymentMethod) {
    }

    /** What Stripe.js reports back to the page: the intent's status, its error or the action it needs. */
    record Confirmation(String paymentIntentId, String status, Money amount, String currency, boolean requiresAction,
                        String nextActionType, LastPaymentError lastPaymentError) {

        static Confirmation of(PaymentGateway.Intent intent) {
            boolean action = OfflineIntent.REQUIRES_ACTION.equals(intent.status());
            return new Confirmation(intent.id(), intent.status(), Money.ofPence(intent.amount()),
                    intent.currency().toUpperCase(Locale.ROOT), action, action ? "use_stripe_sdk" : null,
                    intent.lastError().map(e -> new LastPaymentError(e.code(), e.declineCode(), e.message())).orElse(null));
        }
    }

    record LastPaymentError(String code, String declineCode, String message) {
    }
}
