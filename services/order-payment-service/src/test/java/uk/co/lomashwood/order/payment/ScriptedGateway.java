package uk.co.lomashwood.order.payment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import uk.co.lomashwood.order.stripe.PaymentGateway;
import uk.co.lomashwood.order.stripe.PaymentGatewayException;

/**
 * Test stand-in for the provider until the stripe helper's offline gateway reaches main: keeps intents in memory,
 * honours idempotency keys like Stripe, and lets a test script what Stripe would report next.
 */
public class ScriptedGateway implements PaymentGateway {

    public final List<CreateIntent> created = new CopyOnWriteArrayList<>();
    public final List<String> cancelKeys = new CopyOnWriteArrayList<>();
    public final AtomicBoolean down = new AtomicBoolean();
    private final Map<String, Intent> intents = new ConcurrentHashMap<>();
    private final Map<String, String> byKey = new ConcurrentHashMap<>();
    private final Map<String, Refund> refunds = new ConcurrentHashMap<>();

    @Override
    public Intent createIntent(CreateIntent request) {
        unavailableIfDown();
        created.add(request);
        String id = byKey.computeIfAbsent(request.idempotencyKey(), key -> {
            String intentId = "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
            intents.put(intentId, new Intent(intentId, intentId + "_secret_" + UUID.randomUUID().toString().substring(0, 8),
                    "requires_payment_method", request.amount(), request.currency(), request.metadata(),
                    Optional.empty(), Optional.empty(), null));
            return intentId;
        });
        return intents.get(id);
    }

    @Override
    public Intent retrieveIntent(String paymentIntentId) {
        unavailableIfDown();
        Intent intent = intents.get(paymentIntentId);
        if (intent == null) {
            throw new PaymentGatewayException("No such payment_intent: " + paymentIntentId, true, null);
        }
        return intent;
    }

    @Override
    public Intent cancelIntent(String paymentIntentId, String idempotencyKey) {
        unavailableIfDown();
        cancelKeys.add(idempotencyKey);
        Intent intent = retrieveIntent(paymentIntentId);
        if ("succeeded".equals(intent.status()) || "canceled".equals(intent.status())) {
            throw new PaymentGatewayException("You cannot cancel this PaymentIntent because it has a status of "
                    + intent.status(), true, null);
        }
        return put(with(intent, "canceled", intent.latestCharge(), Optional.empty(), "requested_by_customer"));
    }

    @Override
    public Refund createRefund(CreateRefund request) {
        unavailableIfDown();
        Refund refund = new Refund("re_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24),
                request.paymentIntentId(), null, request.amount(), "gbp", "succeeded", null, request.metadata());
        refunds.put(refund.id(), refund);
        return refund;
    }

    @Override
    public Refund retrieveRefund(String refundId) {
        unavailableIfDown();
        Refund refund = refunds.get(refundId);
        if (refund == null) {
            throw new PaymentGatewayException("No such refund: " + refundId, true, null);
        }
        return refund;
    }

    @Override
    public String publishableKey() {
        return "pk_test_scripted";
    }

    @Override
    public boolean livemode() {
        return false;
    }

    // --- what Stripe reports next ---

    public Intent intent(String id) {
        return intents.get(id);
    }

    /** The customer paid: captured = the intent amount. */
    public Intent succeed(String id) {
        return succeed(id, intents.get(id).amount());
    }

    public Intent succeed(String id, long captured) {
        Intent intent = intents.get(id);
        Charge charge = new Charge("ch_" + id.substring(3), "CARD", "visa", "4242", 12, 2030,
                "https://pay.stripe.com/receipts/" + id, captured, 0, "pm_" + id.substring(3));
        return put(with(intent, "succeeded", Optional.of(charge), Optional.empty(), null));
    }

    /** A tampered intent: Stripe charged {@code amount} (e.g. a client changed it). */
    public Intent succeedWithAmount(String id, long amount) {
        Intent intent = intents.get(id);
        Intent changed = new Intent(id, intent.clientSecret(), intent.status(), amount, intent.currency(),
                intent.metadata(), intent.latestCharge(), intent.lastError(), null);
        put(changed);
        return succeed(id, amount);
    }

    public Intent decline(String id, String declineCode, String message) {
        return put(with(intents.get(id), "requires_payment_method", Optional.empty(),
                Optional.of(new LastError("card_declined", declineCode, message)), null));
    }

    public Intent status(String id, String status) {
        return put(with(intents.get(id), status, Optional.empty(), Optional.empty(), null));
    }

    public Intent cancelledByStripe(String id, String reason) {
        return put(with(intents.get(id), "canceled", Optional.empty(), Optional.empty(), reason));
    }

    public Refund refund(String refundId, String paymentIntentId, long amount, String status) {
        Refund refund = new Refund(refundId, paymentIntentId, "ch_" + paymentIntentId.substring(3), amount, "gbp",
                status, null, Map.of());
        refunds.put(refundId, refund);
        return refund;
    }

    private Intent put(Intent intent) {
        intents.put(intent.id(), intent);
        return intent;
    }

    private static Intent with(Intent intent, String status, Optional<Charge> charge, Optional<LastError> error,
                               String cancellationReason) {
        return new Intent(intent.id(), intent.clientSecret(), status, intent.amount(), intent.currency(),
                intent.metadata(), charge, error, cancellationReason);
    }

    private void unavailableIfDown() {
        if (down.get()) {
            throw new PaymentGatewayException("api.stripe.com: connection refused", false, null);
        }
    }
}
