package uk.co.lomashwood.order.stripe;

import org.springframework.transaction.PlatformTransactionManager;
import uk.co.lomashwood.order.stripe.OfflineTestCard.Outcome;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static uk.co.lomashwood.order.stripe.OfflineChanges.noSuch;
import static uk.co.lomashwood.order.stripe.OfflineChanges.rejected;
import static uk.co.lomashwood.order.stripe.OfflineChanges.requireKey;

/**
 * Stands in for Stripe when no secret key is configured (spec 20 §2.4.5, DESIGN §2 "embedded defaults"): intents and
 * refunds follow Stripe's state machine and are kept in the service's database; every change emits the event Stripe
 * would send, delivered asynchronously and signed by {@link OfflineWebhookDeliveries}. The browser's Stripe.js step
 * is {@link #confirm}. Its own writes commit independently of the caller's transaction, as a remote Stripe's would.
 */
public class OfflinePaymentGateway implements PaymentGateway {

    static final String RECEIPT_URL_BASE = "http://localhost/offline-stripe/receipts/";

    private final OfflineStripeStore store;
    private final OfflineWebhookDeliveries deliveries;
    private final OfflineChanges changes;
    private final OfflineRefunds refunds;
    private final Clock clock;
    private final String publishableKey;

    OfflinePaymentGateway(OfflineStripeStore store, OfflineWebhookDeliveries deliveries, PlatformTransactionManager transactions,
                          Clock clock, StripeProperties properties, Runnable wake) {
        this.store = store;
        this.deliveries = deliveries;
        this.changes = new OfflineChanges(transactions, wake);
        this.refunds = new OfflineRefunds(store, deliveries, changes, clock, properties.offlineRefundSettleDelay());
        this.clock = clock;
        this.publishableKey = properties.publishableKey();
    }

    @Override
    public Intent createIntent(CreateIntent request) {
        requireKey(request.idempotencyKey());
        if (request.amount() < 1) {
            throw rejected("This value must be greater than or equal to 1.");
        }
        String id = OfflineStripeObjects.id("pi");
        OfflineIntent candidate = new OfflineIntent(id, OfflineStripeObjects.clientSecret(id), request.idempotencyKey(),
                OfflineIntent.REQUIRES_PAYMENT_METHOD, request.amount(), request.currency().toLowerCase(Locale.ROOT),
                request.description(), request.receiptEmail(), request.customerId(),
                request.customerId() != null && request.savePaymentMethod() ? "off_session" : null,
                request.metadata() == null ? Map.of() : request.metadata(), null, null, null, null, null, null, null, 0,
                null, null, null, null, clock.instant());
        OfflineIntent intent = changes.apply(() -> {
            OfflineIntent stored = store.insertOnce(candidate);
            if (stored.id().equals(id)) {
                deliveries.enqueue("payment_intent.created", OfflineStripeObjects.paymentIntent(stored), request.idempotencyKey());
            } else if (stored.amount() != candidate.amount() || !stored.currency().equals(candidate.currency())) {
                throw rejected("Keys for idempotent requests can only be used with the same parameters they were first used with.");
            }
            return stored;
        });
        return intent.view(RECEIPT_URL_BASE);
    }

    @Override
    public Intent retrieveIntent(String paymentIntentId) {
        return store.intent(paymentIntentId, false).orElseThrow(() -> noSuch("payment_intent", paymentIntentId))
                .view(RECEIPT_URL_BASE);
    }

    @Override
    public Intent cancelIntent(String paymentIntentId, String idempotencyKey) {
        requireKey(idempotencyKey);
        return changes.apply(() -> {
            OfflineIntent intent = store.intent(paymentIntentId, true).orElseThrow(() -> noSuch("payment_intent", paymentIntentId));
            if (intent.status().equals(OfflineIntent.CANCELED)) {
                return intent;
            }
            if (!intent.cancellable()) {
                throw rejected("You cannot cancel this PaymentIntent because it has a status of " + intent.status() + ".");
            }
            OfflineIntent canceled = intent.withStatus(OfflineIntent.CANCELED);
            store.update(canceled, clock.instant());
            deliveries.enqueue("payment_intent.canceled", OfflineStripeObjects.paymentIntent(canceled), idempotencyKey);
            return canceled;
        }).view(RECEIPT_URL_BASE);
    }

    /**
     * What Stripe.js does in the browser: confirm the intent with a test payment method. The client secret is the
     * proof of ownership, as with Stripe; a wrong one is indistinguishable from an unknown intent.
     */
    Intent confirm(String paymentIntentId, String clientSecret, String paymentMethod) {
        OfflineTestCard card = OfflineTestCard.of(paymentMethod)
                .orElseThrow(() -> new ApiException(ErrorCode.VALIDATION_ERROR, "Unknown test payment method."));
        return changes.apply(() -> {
            OfflineIntent intent = store.intent(paymentIntentId, true)
                    .filter(i -> MessageDigest.isEqual(i.clientSecret().getBytes(StandardCharsets.UTF_8), clientSecret.getBytes(StandardCharsets.UTF_8)))
                    .orElseThrow(() -> new ApiException(ErrorCode.PAYMENT_NOT_FOUND, "No such payment intent."));
            if (intent.status().equals(OfflineIntent.SUCCEEDED)) {
                throw new ApiException(ErrorCode.PAYMENT_ALREADY_COMPLETED, "This payment has already succeeded.");
            }
            if (!intent.confirmable()) {
                throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION,
                        "A payment intent with status " + intent.status() + " cannot be confirmed.");
            }
            // completing the 3-D Secure challenge: confirming the same card again while it requires action
            Outcome outcome = card == OfflineTestCard.AUTHENTICATION_REQUIRED && intent.status().equals(OfflineIntent.REQUIRES_ACTION)
                    ? Outcome.SUCCEEDS : card.outcome();
            int expYear = clock.instant().atZone(ZoneOffset.UTC).getYear() + 3;
            OfflineIntent confirmed = intent.confirmedWith(card, outcome, OfflineStripeObjects.id("pm"),
                    OfflineStripeObjects.id("ch"), expYear);
            store.update(confirmed, clock.instant());
            emitConfirmation(confirmed, outcome);
            return confirmed;
        }).view(RECEIPT_URL_BASE);
    }

    private void emitConfirmation(OfflineIntent intent, Outcome outcome) {
        switch (outcome) {
            case SUCCEEDS -> {
                deliveries.enqueue("charge.succeeded", OfflineStripeObjects.charge(intent, List.of(), RECEIPT_URL_BASE), null);
                deliveries.enqueue("payment_intent.succeeded", OfflineStripeObjects.paymentIntent(intent), null);
            }
            case DECLINED -> {
                deliveries.enqueue("charge.failed", OfflineStripeObjects.charge(intent, List.of(), RECEIPT_URL_BASE), null);
                deliveries.enqueue("payment_intent.payment_failed", OfflineStripeObjects.paymentIntent(intent), null);
            }
            case REQUIRES_ACTION -> deliveries.enqueue("payment_intent.requires_action", OfflineStripeObjects.paymentIntent(intent), null);
        }
    }

    @Override
    public Refund createRefund(CreateRefund request) {
        return refunds.create(request).view();
    }

    @Override
    public Refund retrieveRefund(String refundId) {
        return refunds.retrieve(refundId).view();
    }

    /** Pending refunds older than the settle delay succeed, as card refunds at Stripe do shortly after creation. */
    int settleDueRefunds() {
        return refunds.settleDue();
    }

    @Override
    public String publishableKey() {
        return publishableKey;
    }

    @Override
    public boolean livemode() {
        return false;
    }
}
