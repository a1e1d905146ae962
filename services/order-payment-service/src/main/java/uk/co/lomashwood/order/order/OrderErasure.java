package uk.co.lomashwood.order.order;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code customer.user.erased} (spec 20 §2.5 Consumed) for orders and shipments: email
 * {@code deleted-{userId}@erased.invalid}, name "Deleted User", phone removed, address names and lines
 * {@code [REDACTED]}, postcode cut to its outward code, request metadata (IP, user agent) dropped. Numbers, amounts and
 * dates stay (7-year retention). Invoices are pseudonymised by the invoice feature on the same event.
 */
@Component
class OrderErasure implements EventHandler {

    static final String REDACTED = "[REDACTED]";

    private final OrderStore store;
    private final JsonMapper json;

    OrderErasure(OrderStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    record Erased(UUID userId) {
    }

    @Override
    public Set<String> topics() {
        return Set.of("customer.user.erased");
    }

    @Override
    @Transactional
    public void handle(EventEnvelope event) {
        UUID userId = event.dataAs(Erased.class).userId();
        if (userId == null) {
            return;
        }
        List<OrderRow> orders = store.jdbc().sql("SELECT * FROM orders WHERE user_id = ? FOR UPDATE").param(userId)
                .query(OrderStore::map).list();
        for (OrderRow order : orders) {
            store.jdbc().sql("""
                            UPDATE orders SET customer_email = ?, customer_name = 'Deleted User', customer_phone = NULL,
                                   shipping_address = CAST(? AS jsonb), billing_address = CAST(? AS jsonb),
                                   metadata = NULL, updated_at = now()
                             WHERE id = ?""")
                    .params("deleted-" + userId + "@erased.invalid", redact(order.shippingAddress()),
                            redact(order.billingAddress()), order.id())
                    .update();
            store.jdbc().sql("""
                            UPDATE shipments SET shipping_address = CAST(? AS jsonb), delivery_instructions = NULL, updated_at = now()
                             WHERE order_id = ?""")
                    .params(redact(order.shippingAddress()), order.id()).update();
        }
    }

    private String redact(String stored) {
        Address a = json.readValue(stored, Address.class);
        String postcode = a.postcode() == null ? null : a.postcode().split(" ")[0];
        return json.writeValueAsString(new Address(REDACTED, REDACTED, a.addressLine2() == null ? null : REDACTED, a.city(),
                a.county(), postcode, a.country(), null));
    }
}
