package uk.co.lomashwood.order.stripe;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Which payment provider runs: Stripe when {@code lomash.stripe.secret-key} (STRIPE_SECRET_KEY) is non-blank. */
final class StripeMode {

    static final String SECRET_KEY = "lomash.stripe.secret-key";

    private StripeMode() {
    }

    static boolean live(ConditionContext context) {
        String key = context.getEnvironment().getProperty(SECRET_KEY);
        return key != null && !key.isBlank();
    }

    /** Stripe itself. */
    static final class Live implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return live(context);
        }
    }

    /** The offline provider and its confirm endpoint. */
    static final class Offline implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !live(context);
        }
    }
}
