package uk.co.lomashwood.order.payment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import uk.co.lomashwood.order.stripe.PaymentGateway;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.security.UserContext;

/** Reads of payments for their owner or ADMIN; another customer's payment or order is a plain 404. */
@Service
public class PaymentReading {

    private final PaymentStore payments;
    private final OrderLedger orders;
    private final PaymentGateway gateway;
    private final PaymentSync sync;

    public PaymentReading(PaymentStore payments, OrderLedger orders, PaymentGateway gateway, PaymentSync sync) {
        this.payments = payments;
        this.orders = orders;
        this.gateway = gateway;
        this.sync = sync;
    }

    Map<String, Object> intentResponse(PaymentAttempts.Opened opened) {
        PaymentRow payment = opened.payment();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("paymentId", payment.id());
        data.put("paymentIntentId", payment.stripePaymentIntentId());
        data.put("clientSecret", payment.stripeClientSecret());
        data.put("amount", Money.ofPence(payment.amount()));
        data.put("currency", Money.CURRENCY);
        data.put("status", payment.status().name());
        data.put("attemptNo", payment.attemptNo());
        data.put("publishableKey", gateway.publishableKey());
        data.put("expiresAt", opened.order().expiresAt());
        return data;
    }

    /** {@code POST /v1/payments/confirm}: syncs with the provider, then reports where order and attempt stand. */
    Map<String, Object> confirm(UserContext caller, String paymentIntentId) {
        PaymentRow payment = payments.findByIntent(paymentIntentId).filter(p -> visible(caller, p.orderId()))
                .orElseThrow(PaymentReading::paymentNotFound);
        PaymentGateway.Intent intent = sync.sync(paymentIntentId, payment.orderId());
        PaymentRow now = payments.find(payment.id()).orElseThrow();
        OrderRow order = orders.find(payment.orderId()).orElseThrow();
        boolean requiresAction = "requires_action".equals(intent.status());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", order.id());
        data.put("orderStatus", order.status().name());
        data.put("paymentStatus", order.paymentStatus().name());
        data.put("paymentId", now.id());
        data.put("attemptStatus", now.status().name());
        data.put("requiresAction", requiresAction);
        data.put("nextActionType", requiresAction ? "use_stripe_sdk" : null);
        return data;
    }

    List<PaymentView> ofOrder(UserContext caller, UUID orderId) {
        if (!visible(caller, orderId)) {
            throw new ApiException(ErrorCode.ORDER_NOT_FOUND, "The order does not exist.");
        }
        return payments.ofOrder(orderId).stream().map(PaymentView::of).toList();
    }

    PaymentView one(UserContext caller, UUID id) {
        return payments.find(id).filter(p -> visible(caller, p.orderId())).map(PaymentView::of)
                .orElseThrow(PaymentReading::paymentNotFound);
    }

    OffsetPage<PaymentView> page(PaymentStore.Filter filter, PageRequest page) {
        List<PaymentView> items = payments.page(filter, page.offset(), page.limit()).stream().map(PaymentView::of)
                .toList();
        return new OffsetPage<>(items, page.page(), page.limit(), payments.count(filter));
    }

    private boolean visible(UserContext caller, UUID orderId) {
        if (caller.hasRole(Role.ADMIN)) {
            return orders.find(orderId).isPresent();
        }
        return orders.findOwned(orderId, caller.requireUserId()).isPresent();
    }

    private static ApiException paymentNotFound() {
        return new ApiException(ErrorCode.PAYMENT_NOT_FOUND, "The payment does not exist.");
    }
}
