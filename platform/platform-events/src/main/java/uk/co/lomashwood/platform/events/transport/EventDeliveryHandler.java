package uk.co.lomashwood.platform.events.transport;

/** What a transport calls for each received message. */
@FunctionalInterface
public interface EventDeliveryHandler {

    DeliveryResult handle(Delivery delivery);
}
