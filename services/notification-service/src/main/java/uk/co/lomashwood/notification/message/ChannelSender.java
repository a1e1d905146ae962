package uk.co.lomashwood.notification.message;

/**
 * One provider of one channel, chosen by configuration. Implementations throw {@link ProviderException}
 * and never retry themselves: the dispatcher owns retries and dead-lettering.
 */
public interface ChannelSender {

    Channel channel();

    /** Provider name as recorded on attempts, e.g. {@code smtp}, {@code twilio-sms}, {@code firebase-fcm}, {@code sink}. */
    String provider();

    /** Lower is tried first (spec 40 §1.2 provider priority): the primary 1, a fallback 2. */
    default int priority() {
        return 1;
    }

    /** @return the provider's message id */
    String send(OutboundMessage message);
}
