package uk.co.lomashwood.notification.dispatch;

import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.Priority;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The seeded retry policies of spec 40 §1.2: CRITICAL uses the channel's fast policy, everything else the
 * channel default. {@code maxAttempts} counts every provider call, the first one included.
 */
public record RetryPolicy(String name, Strategy strategy, int maxAttempts, Duration initial, Duration max,
                          double multiplier) {

    public enum Strategy { EXPONENTIAL, LINEAR, IMMEDIATE }

    static final RetryPolicy EMAIL_DEFAULT = new RetryPolicy("email-exponential-default", Strategy.EXPONENTIAL, 4,
            Duration.ofSeconds(5), Duration.ofSeconds(300), 2.0);
    static final RetryPolicy EMAIL_CRITICAL = new RetryPolicy("email-critical-fast", Strategy.LINEAR, 6,
            Duration.ofSeconds(2), Duration.ofSeconds(60), 1.5);
    static final RetryPolicy SMS_DEFAULT = new RetryPolicy("sms-exponential-default", Strategy.EXPONENTIAL, 3,
            Duration.ofSeconds(3), Duration.ofSeconds(120), 2.0);
    static final RetryPolicy SMS_CRITICAL = new RetryPolicy("sms-immediate", Strategy.IMMEDIATE, 2,
            Duration.ZERO, Duration.ZERO, 1.0);
    static final RetryPolicy PUSH_DEFAULT = new RetryPolicy("push-exponential-default", Strategy.EXPONENTIAL, 3,
            Duration.ofSeconds(2), Duration.ofSeconds(60), 2.0);

    /** Every seeded policy with its channel and whether it is the channel's default (the others serve CRITICAL). */
    public static java.util.List<java.util.Map.Entry<Channel, RetryPolicy>> all() {
        return java.util.List.of(java.util.Map.entry(Channel.EMAIL, EMAIL_DEFAULT),
                java.util.Map.entry(Channel.EMAIL, EMAIL_CRITICAL), java.util.Map.entry(Channel.SMS, SMS_DEFAULT),
                java.util.Map.entry(Channel.SMS, SMS_CRITICAL), java.util.Map.entry(Channel.PUSH, PUSH_DEFAULT));
    }

    public boolean isDefault() {
        return !name.endsWith("-fast") && !name.endsWith("-immediate");
    }

    public static RetryPolicy of(Channel channel, Priority priority) {
        boolean critical = priority == Priority.CRITICAL;
        return switch (channel) {
            case EMAIL -> critical ? EMAIL_CRITICAL : EMAIL_DEFAULT;
            case SMS -> critical ? SMS_CRITICAL : SMS_DEFAULT;
            case PUSH -> PUSH_DEFAULT;
        };
    }

    /** Delay before retry {@code n} (1 = first retry), without jitter. */
    public Duration delay(int n) {
        long initialMs = initial.toMillis();
        double ms = switch (strategy) {
            case EXPONENTIAL -> initialMs * Math.pow(multiplier, n - 1);
            case LINEAR -> initialMs + (n - 1) * initialMs * multiplier;
            case IMMEDIATE -> 0;
        };
        return Duration.ofMillis((long) Math.min(max.toMillis(), ms));
    }

    /** {@link #delay} with ±20 % jitter, scaled (tests run with a small scale). */
    public Duration jitteredDelay(int n, double scale) {
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (delay(n).toMillis() * jitter * scale));
    }
}
