package uk.co.lomashwood.order.checkout;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.util.List;
import java.util.UUID;

/** {@code POST /v1/checkout/summary}: the basket priced on the server, nothing stored (spec 20 §2.3). */
@RestController
public class CheckoutController {

    private final CheckoutPricing pricing;

    public CheckoutController(CheckoutPricing pricing) {
        this.pricing = pricing;
    }

    public record SummaryRequest(@NotNull @Size(min = 1, max = BasketItem.MAX_LINES) List<@Valid @NotNull BasketItem> items,
                                 UUID shippingMethodId, @Size(max = 50) String couponCode,
                                 @Pattern(regexp = "GB", message = "only GB is delivered to") String country) {
    }

    @PostMapping("/v1/checkout/summary")
    public ResponseEntity<ApiResponse<CheckoutSummary>> summary(@Valid @RequestBody SummaryRequest request,
                                                                UserContext caller) {
        CheckoutPricing.Priced priced = pricing.price(new CheckoutPricing.Request(BasketItem.toLines(request.items()),
                request.couponCode(), request.shippingMethodId(), caller.userId(), 0, false));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate())
                .body(ApiResponse.of(CheckoutSummary.of(priced)));
    }
}
