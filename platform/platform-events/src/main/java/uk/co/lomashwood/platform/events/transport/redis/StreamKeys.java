package uk.co.lomashwood.platform.events.transport.redis;

/** Redis key names of the event bus. */
final class StreamKeys {

    static final String ENVELOPE = "envelope";
    static final String EVENT_ID = "eventId";
    static final String TOPIC = "topic";

    private StreamKeys() {
    }

    static String topic(String topic) {
        return "events:" + topic;
    }

    /** Re-driven dead letters for one consumer group only. */
    static String redrive(String consumerGroup) {
        return "events:redrive:" + consumerGroup;
    }

    static String deadLetters(String consumerGroup) {
        return "events:dlq:" + consumerGroup;
    }
}
