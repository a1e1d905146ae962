package uk.co.lomashwood.order.shipping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.order.checkout.DeliveryMethod;
import uk.co.lomashwood.order.checkout.DeliveryMethods;
import uk.co.lomashwood.order.checkout.Pounds;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** {@code /v1/shipping} (spec 20 §2.3): public delivery rates, shipments for staff and owners, fulfilment steps. */
@RestController
public class ShippingController {

    static final String ID = "{id:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";
    private static final Set<String> CATEGORIES = Set.of("KITCHEN", "BEDROOM");

    private final DeliveryMethods methods;
    private final Shipments shipments;
    private final Fulfilment fulfilment;

    public ShippingController(DeliveryMethods methods, Shipments shipments, Fulfilment fulfilment) {
        this.methods = methods;
        this.shipments = shipments;
        this.fulfilment = fulfilment;
    }

    public record Rate(UUID id, String code, String name, String description, Money price, Money effectiveCost,
                       boolean isFree, Money freeThreshold, int estimatedDaysMin, int estimatedDaysMax) {
    }

    @GetMapping("/v1/shipping/rates")
    public ResponseEntity<ApiResponse<List<Rate>>> rates(@RequestParam(required = false) String country,
                                                         @RequestParam(required = false) String categories,
                                                         @RequestParam(required = false) BigDecimal orderAmount) {
        String to = country == null ? "GB" : country.trim().toUpperCase(Locale.ROOT);
        if (!to.matches("[A-Z]{2}")) {
            throw ValidationException.of("country", "must be an ISO 3166-1 alpha-2 code");
        }
        List<String> basket = categories == null ? List.of()
                : Arrays.stream(categories.split(",")).map(c -> c.trim().toUpperCase(Locale.ROOT)).toList();
        if (!CATEGORIES.containsAll(basket)) {
            throw ValidationException.of("categories", "must be a comma list of KITCHEN, BEDROOM");
        }
        long amount = orderAmount == null ? 0 : Pounds.parse("orderAmount", orderAmount).pence();
        List<Rate> rates = methods.eligible(to, basket, amount).stream().map(m -> rate(m, amount)).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(300)).cachePublic())
                .body(ApiResponse.list(rates));
    }

    @GetMapping("/v1/shipping")
    @RequireRole(Role.ADMIN)
    public ApiResponse<List<ShipmentView>> list(@RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer limit,
                                                @RequestParam(required = false) String status,
                                                @RequestParam(required = false) String carrier,
                                                @RequestParam(required = false) UUID orderId) {
        return ApiResponse.offset(shipments.list(status, carrier, orderId, PageRequest.of(page, limit)));
    }

    @GetMapping("/v1/shipping/" + ID)
    @RequireRole({Role.CUSTOMER, Role.ADMIN})
    public ApiResponse<ShipmentView> get(@PathVariable UUID id, UserContext caller) {
        return ApiResponse.of(fulfilment.view(id, caller));
    }

    public record TrackingRequest(@NotBlank @Size(max = 100) String carrier, @NotBlank @Size(max = 100) String trackingNumber,
                                  @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
                                  String trackingUrl,
                                  LocalDate estimatedDelivery) {
    }

    @PatchMapping("/v1/shipping/" + ID + "/tracking")
    @RequireRole(Role.ADMIN)
    public ApiResponse<ShipmentView> tracking(@PathVariable UUID id, @Valid @RequestBody TrackingRequest request,
                                              UserContext caller) {
        return ApiResponse.of(fulfilment.track(id, request.carrier().trim(), request.trackingNumber().trim(),
                request.trackingUrl(), request.estimatedDelivery(), caller.requireUserId()));
    }

    public record DeliveredRequest(Instant deliveredAt) {
    }

    @PatchMapping("/v1/shipping/" + ID + "/delivered")
    @RequireRole(Role.ADMIN)
    public ApiResponse<ShipmentView> delivered(@PathVariable UUID id, @RequestBody(required = false) DeliveredRequest request,
                                               UserContext caller) {
        return ApiResponse.of(fulfilment.delivered(id, request == null ? null : request.deliveredAt(), caller.requireUserId()));
    }

    private static Rate rate(DeliveryMethod m, long amount) {
        long cost = m.effectiveCost(amount, false);
        return new Rate(m.id(), m.code(), m.name(), m.description(), Money.ofPence(m.price()), Money.ofPence(cost),
                cost == 0, m.freeThreshold() == null ? null : Money.ofPence(m.freeThreshold()), m.estimatedDaysMin(),
                m.estimatedDaysMax());
    }
}
