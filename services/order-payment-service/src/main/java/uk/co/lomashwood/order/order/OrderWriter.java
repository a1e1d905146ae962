package uk.co.lomashwood.order.order;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import uk.co.lomashwood.order.catalogue.ProductCatalogue.PricedLine;
import uk.co.lomashwood.order.checkout.AmountCalculator;
import uk.co.lomashwood.order.checkout.CheckoutPricing;
import uk.co.lomashwood.order.coupon.Coupons;
import uk.co.lomashwood.order.numbering.NumberSequences;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Step (e) of spec 20 §2.4.2 in one transaction: order number, order (PENDING / UNPAID), items, shipment (PENDING),
 * coupon usage (RESERVED, atomic usageCount), status history and the {@code order.created} outbox row.
 */
@Component
class OrderWriter {

    private final OrderStore store;
    private final NumberSequences numbers;
    private final Coupons coupons;
    private final OrderEvents events;
    private final JsonMapper json;

    OrderWriter(OrderStore store, NumberSequences numbers, Coupons coupons, OrderEvents events, JsonMapper json) {
        this.store = store;
        this.numbers = numbers;
        this.coupons = coupons;
        this.events = events;
        this.json = json;
    }

    record NewOrder(UUID orderId, UUID userId, UUID actorId, String source, String customerEmail, String customerName,
                    String customerPhone, Address shippingAddress, Address billingAddress, String notes,
                    UUID appointmentId, int loyaltyPoints, CheckoutPricing.Priced priced, Instant now,
                    Instant expiresAt, String metadataJson) {
    }

    @Transactional
    OrderRow write(NewOrder o) {
        AmountCalculator.Breakdown b = o.priced().breakdown();
        String number = numbers.nextOrderNumber();
        String couponCode = o.priced().coupon() != null && o.priced().coupon().valid() ? o.priced().coupon().code() : null;
        Timestamp now = Timestamp.from(o.now());
        store.jdbc().sql("""
                        INSERT INTO orders (id, order_number, user_id, customer_email, customer_name, customer_phone, status,
                               payment_status, source, subtotal, discount_amount, loyalty_points_redeemed,
                               loyalty_discount_amount, shipping_amount, tax_amount, total_amount, currency, coupon_code,
                               shipping_method_id, shipping_address, billing_address, notes, appointment_id, expires_at,
                               metadata, created_at, updated_at)
                        VALUES (:id, :number, :userId, :email, :name, :phone, 'PENDING', 'UNPAID', :source, :subtotal,
                               :discount, :points, :loyalty, :shipping, :tax, :total, 'GBP', :coupon, :method,
                               CAST(:shipTo AS jsonb), CAST(:billTo AS jsonb), :notes, :appointment, :expiresAt,
                               CAST(:metadata AS jsonb), :now, :now)""")
                .param("id", o.orderId()).param("number", number).param("userId", o.userId())
                .param("email", o.customerEmail()).param("name", o.customerName()).param("phone", o.customerPhone())
                .param("source", o.source()).param("subtotal", b.subtotal()).param("discount", b.discountAmount())
                .param("points", o.loyaltyPoints()).param("loyalty", b.loyaltyDiscount())
                .param("shipping", b.shippingAmount()).param("tax", b.taxAmount()).param("total", b.totalAmount())
                .param("coupon", couponCode).param("method", o.priced().delivery().id())
                .param("shipTo", json.writeValueAsString(o.shippingAddress()))
                .param("billTo", json.writeValueAsString(o.billingAddress())).param("notes", o.notes())
                .param("appointment", o.appointmentId()).param("expiresAt", Timestamp.from(o.expiresAt()))
                .param("metadata", o.metadataJson()).param("now", now)
                .update();
        List<PricedLine> products = o.priced().products();
        for (int i = 0; i < products.size(); i++) {
            PricedLine p = products.get(i);
            AmountCalculator.LineAmounts a = b.lines().get(i);
            store.jdbc().sql("""
                            INSERT INTO order_items (id, order_id, product_id, variant_id, variant_name, colour_id, colour_name,
                                   product_title, sku, category, range_name, quantity, unit_price, total_price,
                                   discount_amount, tax_rate, tax_amount, image_url, created_at, updated_at)
                            VALUES (:id, :orderId, :productId, :variantId, :variantName, :colourId, :colourName, :title, :sku,
                                   :category, :range, :quantity, :unitPrice, :totalPrice, :discount, :taxRate, :tax, :image,
                                   :now, :now)""")
                    .param("id", UUID.randomUUID()).param("orderId", o.orderId()).param("productId", p.productId())
                    .param("variantId", p.variantId()).param("variantName", p.variantName())
                    .param("colourId", p.colourId()).param("colourName", p.colourName())
                    .param("title", p.title() == null ? "Product" : p.title()).param("sku", p.sku())
                    .param("category", p.category()).param("range", p.rangeName()).param("quantity", a.quantity())
                    .param("unitPrice", a.unitPrice()).param("totalPrice", a.totalPrice())
                    .param("discount", a.discountAmount()).param("taxRate", a.taxRate()).param("tax", a.taxAmount())
                    // one microsecond apart, so that items read back in basket order
                    .param("image", p.imageUrl()).param("now", Timestamp.from(o.now().plusNanos(1_000L * i)))
                    .update();
        }
        store.jdbc().sql("""
                        INSERT INTO shipments (id, order_id, shipping_method_id, status, shipping_address, shipping_cost,
                               created_at, updated_at)
                        VALUES (?, ?, ?, 'PENDING', CAST(? AS jsonb), ?, ?, ?)""")
                .params(UUID.randomUUID(), o.orderId(), o.priced().delivery().id(), json.writeValueAsString(o.shippingAddress()),
                        b.shippingAmount(), now, now)
                .update();
        if (couponCode != null) {
            coupons.reserve(o.priced().coupon().coupon(), o.orderId(), o.userId(), b.couponDiscount());
        }
        String actor = "ADMIN".equals(o.source()) ? "ADMIN" : "CUSTOMER";
        String by = o.actorId().toString();
        store.history(o.orderId(), "status", null, OrderStatus.PENDING.name(), by, actor, "Order placed");
        store.history(o.orderId(), "paymentStatus", null, OrderPaymentStatus.UNPAID.name(), by, actor, null);
        store.audit(o.orderId(), "created", by, actor, null);
        OrderRow row = store.find(o.orderId()).orElseThrow();
        events.created(row, store.items(o.orderId()));
        return row;
    }
}
