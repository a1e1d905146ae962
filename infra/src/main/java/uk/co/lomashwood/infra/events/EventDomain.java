package uk.co.lomashwood.infra.events;

import java.util.Locale;

/** First segment of a topic name; one SNS topic each (spec 00 §4.1), FIFO where §4.5 needs ordering. */
public enum EventDomain {
    AUTH("auth-service", false),
    PRODUCT("product-service", false),
    ORDER("order-payment-service", true),
    APPOINTMENT("appointment-service", true),
    CONTENT("content-service", false),
    CUSTOMER("customer-service", false),
    NOTIFICATION("notification-service", false),
    ANALYTICS("analytics-service", false);

    private final String producer;
    private final boolean fifo;

    EventDomain(String producer, boolean fifo) {
        this.producer = producer;
        this.fifo = fifo;
    }

    public String producer() {
        return producer;
    }

    public boolean fifo() {
        return fifo;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventDomain ofTopic(String topic) {
        return valueOf(topic.substring(0, topic.indexOf('.')).toUpperCase(Locale.ROOT));
    }
}
