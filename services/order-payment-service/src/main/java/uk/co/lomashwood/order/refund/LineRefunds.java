package uk.co.lomashwood.order.refund;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Prices a line refund (spec 20 §2.4.8): per chosen quantity, (unitPrice × quantity − the line's discount share)
 * plus VAT at the line's rate, half-up. Quantities already in PENDING/PROCESSING/SUCCEEDED refunds cannot be
 * refunded again.
 */
@Component
class LineRefunds {

    private static final TypeReference<List<Refund.Item>> ITEMS = new TypeReference<>() {
    };

    record Requested(UUID orderItemId, int quantity) {
    }

    private record OrderLine(int quantity, long unitPrice, long discount, BigDecimal taxRate) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    LineRefunds(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Refund.Item> price(UUID orderId, List<Requested> requested) {
        Map<UUID, OrderLine> lines = new HashMap<>();
        jdbc.sql("SELECT id, quantity, unit_price, discount_amount, tax_rate FROM order_items WHERE order_id = ?")
                .param(orderId)
                .query(rs -> {
                    lines.put(rs.getObject("id", UUID.class), new OrderLine(rs.getInt("quantity"), rs.getLong("unit_price"),
                            rs.getLong("discount_amount"), rs.getBigDecimal("tax_rate")));
                });
        Map<UUID, Integer> taken = alreadyRefunded(orderId);
        List<Refund.Item> items = new ArrayList<>();
        for (Requested item : requested) {
            OrderLine line = lines.get(item.orderItemId());
            if (line == null) {
                throw new ApiException(ErrorCode.REFUND_NOT_ELIGIBLE, "Item " + item.orderItemId() + " is not part of this order.");
            }
            if (taken.getOrDefault(item.orderItemId(), 0) + item.quantity() > line.quantity()) {
                throw new ApiException(ErrorCode.REFUND_EXCEEDS_PAYMENT, "Only " + (line.quantity()
                        - taken.getOrDefault(item.orderItemId(), 0)) + " of item " + item.orderItemId() + " can still be refunded.");
            }
            long discountShare = half(BigDecimal.valueOf(line.discount()).multiply(BigDecimal.valueOf(item.quantity()))
                    .divide(BigDecimal.valueOf(line.quantity()), 6, RoundingMode.HALF_UP));
            long net = line.unitPrice() * item.quantity() - discountShare;
            long vat = half(BigDecimal.valueOf(net).multiply(line.taxRate()).divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP));
            items.add(new Refund.Item(item.orderItemId(), item.quantity(), net + vat));
        }
        return items;
    }

    private Map<UUID, Integer> alreadyRefunded(UUID orderId) {
        Map<UUID, Integer> taken = new HashMap<>();
        jdbc.sql("SELECT items::text FROM refunds WHERE order_id = ? AND items IS NOT NULL"
                        + " AND status IN ('PENDING', 'PROCESSING', 'SUCCEEDED')")
                .param(orderId).query(String.class).list()
                .forEach(text -> json.readValue(text, ITEMS)
                        .forEach(i -> taken.merge(i.orderItemId(), i.quantity(), Integer::sum)));
        return taken;
    }

    private static long half(BigDecimal value) {
        return value.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
