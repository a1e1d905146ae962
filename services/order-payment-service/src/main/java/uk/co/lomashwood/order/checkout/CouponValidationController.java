package uk.co.lomashwood.order.checkout;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.order.catalogue.ProductCatalogue;
import uk.co.lomashwood.order.catalogue.ProductCatalogue.LineRequest;
import uk.co.lomashwood.order.catalogue.ProductCatalogue.PricedLine;
import uk.co.lomashwood.order.catalogue.Orderability;
import uk.co.lomashwood.order.coupon.CouponCheck;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** {@code POST /v1/coupons/validate} (spec 20 §2.3, rules §2.4.9) for a net subtotal or a basket. */
@RestController
public class CouponValidationController {

    private final CouponCheck coupons;
    private final ProductCatalogue catalogue;

    public CouponValidationController(CouponCheck coupons, ProductCatalogue catalogue) {
        this.coupons = coupons;
        this.catalogue = catalogue;
    }

    public record ValidateRequest(@NotBlank @Size(max = 50) String code,
                                  @DecimalMin("0.00") BigDecimal orderAmount,
                                  @Size(min = 1, max = BasketItem.MAX_LINES) List<@Valid @NotNull BasketItem> items) {
    }

    public record Validity(boolean isValid, UUID couponId, String code, String discountType, Money discountAmount) {
    }

    @PostMapping("/v1/coupons/validate")
    @RequireRole(Role.CUSTOMER)
    public ApiResponse<Validity> validate(@Valid @RequestBody ValidateRequest request, UserContext caller) {
        if ((request.orderAmount() == null) == (request.items() == null)) {
            throw ValidationException.of("orderAmount", "send either orderAmount or items");
        }
        CouponCheck.Verdict verdict;
        long[] eligible = new long[1];
        if (request.items() != null) {
            List<LineRequest> lines = BasketItem.toLines(request.items());
            List<PricedLine> priced = catalogue.priceCheck(lines);
            Orderability.require(lines, priced);
            verdict = coupons.check(request.code(), caller.userId(), terms -> {
                long sum = 0;
                for (int i = 0; i < priced.size(); i++) {
                    if (terms.eligible(priced.get(i).productId(), priced.get(i).category())) {
                        sum += priced.get(i).unitPrice().pence() * lines.get(i).quantity();
                    }
                }
                eligible[0] = sum;
                return sum;
            });
        } else {
            long amount = Pounds.parse("orderAmount", request.orderAmount()).pence();
            verdict = coupons.check(request.code(), caller.userId(), terms -> {
                eligible[0] = amount;
                return amount;
            });
        }
        if (!verdict.valid()) {
            throw new ApiException(ErrorCode.COUPON_INVALID, "This coupon cannot be used.").with("reason", verdict.reason());
        }
        return ApiResponse.of(new Validity(true, verdict.coupon().id(), verdict.code(),
                verdict.coupon().discountType().name(), Money.ofPence(verdict.coupon().terms().discountOn(eligible[0]))));
    }
}
