package uk.co.lomashwood.notification.consumer;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.Priority;
import uk.co.lomashwood.notification.message.Recipient;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;

import java.math.BigDecimal;
import java.util.Set;

/**
 * product-service ops alerts to the ops inbox: {@code product.inventory.low} (level LOW_STOCK or OUT_OF_STOCK, as
 * product-service's StockAlerts publishes it, already de-duplicated there) and significant
 * {@code product.price.changed}.
 */
@Component
class ProductEventHandler implements EventHandler {

    private static final String ENTITY = "PRODUCT";

    private final EventSends sends;

    ProductEventHandler(EventSends sends) {
        this.sends = sends;
    }

    @Override
    public Set<String> topics() {
        return Set.of("product.inventory.low", "product.price.changed");
    }

    @Override
    public void handle(EventEnvelope event) {
        JsonNode data = event.data();
        String productId = Fields.text(data, "productId");
        Recipient ops = Recipient.staff(sends.properties().inboxes().ops());
        if ("product.inventory.low".equals(event.topic())) {
            sends.send(event, "admin-low-stock-email", Channel.EMAIL, ops, Priority.NORMAL,
                    Vars.of("productId", productId, "productTitle", Fields.text(data, "productTitle"),
                            "sku", Fields.text(data, "sku"), "level", Formats.label(Fields.text(data, "level")),
                            "availableQuantity", Fields.text(data, "availableQuantity"),
                            "threshold", Fields.text(data, "threshold"),
                            "adminUrl", sends.adminUrl("/products/" + productId + "/inventory")), ENTITY, productId);
        } else if (Fields.flag(data, "isSignificant", false)) {
            BigDecimal change = Fields.decimal(data, "changePercentage");
            String currency = Fields.text(data, "currency");
            sends.send(event, "admin-price-change-alert-email", Channel.EMAIL, ops, Priority.NORMAL,
                    Vars.of("productId", productId,
                            "previousPrice", Formats.money(Fields.decimal(data, "previousPrice"), currency),
                            "newPrice", Formats.money(Fields.decimal(data, "newPrice"), currency),
                            "changePercentage", change == null ? null : (change.signum() > 0 ? "+" : "")
                                    + change.stripTrailingZeros().toPlainString() + "%",
                            "changedBy", Fields.text(data, "changedBy"),
                            "adminUrl", sends.adminUrl("/products/" + productId)), ENTITY, productId);
        }
    }
}
