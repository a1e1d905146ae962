package uk.co.lomashwood.order.stripe;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * How the offline provider changes its state: in a transaction of its own (it commits whatever the caller's
 * transaction does, as a remote Stripe would), together with the events the change emits, then wakes the sender.
 * Also the errors Stripe answers with.
 */
final class OfflineChanges {

    private final TransactionTemplate tx;
    private final Runnable wake;

    OfflineChanges(PlatformTransactionManager transactions, Runnable wake) {
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.wake = wake;
    }

    /** Commits {@code change} and wakes the sender for the events it emitted. */
    <T> T apply(Supplier<T> change) {
        T result = inTransaction(change);
        wake.run();
        return result;
    }

    /** Commits {@code change} without waking the sender (for work that runs on the sender's own tick). */
    <T> T inTransaction(Supplier<T> change) {
        return tx.execute(status -> change.get());
    }

    static void requireKey(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("Every Stripe write carries an idempotency key");
        }
    }

    /** Stripe answered 4xx: the request is invalid for the object's state. */
    static PaymentGatewayException rejected(String message) {
        return new PaymentGatewayException("Stripe (offline) refused the request: " + message, true, null);
    }

    static PaymentGatewayException noSuch(String type, String id) {
        return rejected("No such " + type + ": '" + id + "'");
    }
}
