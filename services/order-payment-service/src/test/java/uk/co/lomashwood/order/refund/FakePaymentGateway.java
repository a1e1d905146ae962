package uk.co.lomashwood.order.refund;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import uk.co.lomashwood.order.stripe.PaymentGateway;
import uk.co.lomashwood.order.stripe.PaymentGatewayException;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test stand-in for the payment provider where a test must choose the provider's answer: refunds settle at once,
 * stay pending (so the test delivers the settlement itself), are refused, or the provider is unreachable — outcomes
 * the offline provider cannot be asked for. Same idempotency key → same refund. The end-to-end refund path runs
 * against the real offline provider in {@code OfflineRefundJourneyTest}.
 */
public class FakePaymentGateway implements PaymentGateway {

    public enum Outcome { SUCCEEDED, PENDING, REJECTED, UNREACHABLE }

    public final List<CreateRefund> refundCalls = new CopyOnWriteArrayList<>();
    private final Map<String, Refund> byKey = new ConcurrentHashMap<>();
    private volatile Outcome outcome = Outcome.SUCCEEDED;

    public void nextRefunds(Outcome next) {
        outcome = next;
    }

    @Override
    public Refund createRefund(CreateRefund request) {
        refundCalls.add(request);
        switch (outcome) {
            case REJECTED -> throw new PaymentGatewayException("charge_already_refunded", true, null);
            case UNREACHABLE -> throw new PaymentGatewayException("connect timed out", false, null);
            default -> {
            }
        }
        String status = outcome == Outcome.SUCCEEDED ? "succeeded" : "pending";
        return byKey.computeIfAbsent(request.idempotencyKey(), key -> new Refund("re_" + UUID.randomUUID().toString()
                .replace("-", "").substring(0, 24), request.paymentIntentId(), "ch_test", request.amount(), "gbp", status,
                null, request.metadata()));
    }

    @Override
    public Refund retrieveRefund(String refundId) {
        return byKey.values().stream().filter(r -> r.id().equals(refundId)).findFirst().orElseThrow();
    }

    @Override
    public Intent createIntent(CreateIntent request) {
        throw new UnsupportedOperationException("not used by refund and invoice tests");
    }

    @Override
    public Intent retrieveIntent(String paymentIntentId) {
        throw new UnsupportedOperationException("not used by refund and invoice tests");
    }

    @Override
    public Intent cancelIntent(String paymentIntentId, String idempotencyKey) {
        throw new UnsupportedOperationException("not used by refund and invoice tests");
    }

    @Override
    public String publishableKey() {
        return "pk_test_fake";
    }

    @Override
    public boolean livemode() {
        return false;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        FakePaymentGateway fakePaymentGateway() {
            return new FakePaymentGateway();
        }
    }
}
