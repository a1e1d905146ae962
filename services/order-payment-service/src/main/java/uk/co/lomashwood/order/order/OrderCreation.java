package uk.co.lomashwood.order.order;

import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import uk.co.lomashwood.order.catalogue.ProductCatalogue.LineRequest;
import uk.co.lomashwood.order.catalogue.ProductCatalogue;
import uk.co.lomashwood.order.checkout.AmountCalculator;
import uk.co.lomashwood.order.checkout.BasketItem;
import uk.co.lomashwood.order.checkout.CheckoutPricing;
import uk.co.lomashwood.order.checkout.Pounds;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.id.Uuids;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.events.lock.RedisLocks;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /v1/orders} (spec 20 §2.4.2): (a) idempotency is the platform filter's; (b) one checkout per user;
 * (c) totals from live prices; (d) stock reserved for a pre-generated order id; (e) one transaction — on failure the
 * reservation and any redeemed points are given back; (f) attempt 1 and its PaymentIntent after the commit.
 */
@Service
public class OrderCreation {

    static final Duration PAYMENT_WINDOW = Duration.ofMinutes(30);

    private final CheckoutPricing pricing;
    private final ProductCatalogue catalogue;
    private final CheckoutLock locks;
    private final OrderWriter writer;
    private final OrderStore store;
    private final OrderPayments payments;
    private final CustomerDirectory directory;
    private final LoyaltyRedemptions loyalty;
    private final JsonMapper json;
    private final Clock clock;

    public OrderCreation(CheckoutPricing pricing, ProductCatalogue catalogue, CheckoutLock locks, OrderWriter writer,
                         OrderStore store, OrderPayments payments, CustomerDirectory directory, LoyaltyRedemptions loyalty,
                         JsonMapper json, Clock clock) {
        this.pricing = pricing;
        this.catalogue = catalogue;
        this.locks = locks;
        this.writer = writer;
        this.store = store;
        this.payments = payments;
        this.directory = directory;
        this.loyalty = loyalty;
        this.json = json;
        this.clock = clock;
    }

    /** Who places the order and from where (metadata: ipAddress, userAgent). */
    public record Origin(String ipAddress, String userAgent, String idempotencyKey) {
    }

    public OrderCreated create(OrderCreate request, UserContext caller, Origin origin) {
        boolean onBehalf = caller.hasRole(Role.ADMIN);
        UUID userId = owner(request, caller, onBehalf);
        int points = loyaltyPoints(request, onBehalf);
        List<LineRequest> lines = BasketItem.toLines(request.items());
        OrderRow order;
        try (RedisLocks.Held ignored = locks.checkout(userId)) {
            Optional<OrderRow> earlier = origin.idempotencyKey() == null ? Optional.empty()
                    : store.byIdempotencyKey(userId, origin.idempotencyKey());
            if (earlier.isPresent()) {
                return startPayment(earlier.get());
            }
            UUID orderId = Uuids.v7(clock);
            CheckoutPricing.Priced priced = pricing.price(new CheckoutPricing.Request(lines, request.couponCode(),
                    request.shippingMethodId(), userId, points, true));
            requireExpectedTotal(request.expectedTotalAmount(), priced.breakdown());
            String email = request.customerEmail();
            String phone = request.customerPhone();
            if (email == null) {
                CustomerDirectory.Profile profile = directory.profile(userId);
                email = profile.email();
                phone = phone == null ? profile.phone() : phone;
            }
            int redeemed = 0;
            if (points > 0) {
                redeemed = (int) priced.breakdown().loyaltyDiscount();
                loyalty.redeem(orderId, userId, redeemed);
            }
            Instant now = clock.instant();
            Instant expiresAt = now.plus(PAYMENT_WINDOW);
            try {
                catalogue.reserve(orderId, expiresAt, lines);
            } catch (RuntimeException e) {
                if (points > 0) {
                    loyalty.giveBack(orderId);
                }
                throw e;
            }
            Address billing = request.billingAddress() == null ? request.shippingAddress() : request.billingAddress();
            try {
                order = writer.write(new OrderWriter.NewOrder(orderId, userId, caller.requireUserId(),
                        onBehalf ? "ADMIN" : "WEB", email.trim().toLowerCase(java.util.Locale.ROOT),
                        request.shippingAddress().fullName(), phone, request.shippingAddress(), billing, request.notes(),
                        request.appointmentId(), redeemed, priced, now, expiresAt, metadata(origin)));
            } catch (RuntimeException e) {
                catalogue.release(orderId);
                if (points > 0) {
                    loyalty.giveBack(orderId);
                }
                throw e;
            }
        }
        return startPayment(order);
    }

    /** Step (f): attempt 1 and its PaymentIntent (resumable: an attempt without an intent gets one). */
    private OrderCreated startPayment(OrderRow order) {
        try {
            return OrderCreated.of(order, payments.startFirstAttempt(order.id()));
        } catch (ApiException e) {
            if (e.code() == ErrorCode.PAYMENT_GATEWAY_ERROR && !e.extensions().containsKey("orderId")) {
                e.with("orderId", order.id());
            }
            throw e;
        }
    }

    private static UUID owner(OrderCreate request, UserContext caller, boolean onBehalf) {
        if (onBehalf) {
            if (request.userId() == null) {
                throw ValidationException.of("userId", "is required when staff place an order on a customer's behalf");
            }
            return request.userId();
        }
        if (request.userId() != null) {
            throw ValidationException.of("userId", "may only be sent by staff");
        }
        return caller.requireUserId();
    }

    private static int loyaltyPoints(OrderCreate request, boolean onBehalf) {
        if (request.loyaltyPoints() == null) {
            return 0;
        }
        if (onBehalf) {
            throw ValidationException.of("loyaltyPoints", "can only be redeemed by the customer");
        }
        if (request.loyaltyPoints() % 100 != 0) {
            throw ValidationException.of("loyaltyPoints", "must be a multiple of 100");
        }
        return request.loyaltyPoints();
    }

    /** 409 PRICE_MISMATCH with the fresh breakdown when the client saw another total. */
    private static void requireExpectedTotal(BigDecimal expected, AmountCalculator.Breakdown b) {
        if (expected == null) {
            return;
        }
        Money seen = Pounds.parse("expectedTotalAmount", expected);
        if (seen.pence() != b.totalAmount()) {
            Map<String, Object> fresh = new LinkedHashMap<>();
            fresh.put("subtotal", Money.ofPence(b.subtotal()));
            fresh.put("discountAmount", Money.ofPence(b.discountAmount()));
            fresh.put("shippingAmount", Money.ofPence(b.shippingAmount()));
            fresh.put("taxAmount", Money.ofPence(b.taxAmount()));
            fresh.put("totalAmount", Money.ofPence(b.totalAmount()));
            fresh.put("currency", Money.CURRENCY);
            throw new ApiException(ErrorCode.PRICE_MISMATCH, "Prices have changed since you looked: review the new total.")
                    .with("breakdown", fresh);
        }
    }

    private String metadata(Origin origin) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("ipAddress", origin.ipAddress());
        metadata.put("idempotencyKey", origin.idempotencyKey());
        metadata.put("userAgent", origin.userAgent() == null ? null
                : origin.userAgent().substring(0, Math.min(500, origin.userAgent().length())));
        return json.writeValueAsString(metadata);
    }
}
