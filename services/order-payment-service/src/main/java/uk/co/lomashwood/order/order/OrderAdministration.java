package uk.co.lomashwood.order.order;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.FieldViolation;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.web.patch.MergePatch;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Staff edits of an order (spec 20 §2.3): merge patch of the editable fields, and soft delete. Totals never change. */
@Service
public class OrderAdministration {

    static final Set<String> EDITABLE = Set.of("shippingAddress", "billingAddress", "notes", "internalNotes",
            "customerEmail", "customerPhone", "estimatedDeliveryDate");
    private static final Set<OrderStatus> EDITABLE_STATUSES = EnumSet.of(OrderStatus.PENDING, OrderStatus.CONFIRMED,
            OrderStatus.PROCESSING);
    private static final Set<OrderPaymentStatus> DELETABLE_PAYMENT = EnumSet.of(OrderPaymentStatus.UNPAID,
            OrderPaymentStatus.FAILED, OrderPaymentStatus.REFUNDED);

    private final OrderStore store;
    private final JsonMapper json;
    private final Validator validator;
    private final Clock clock;

    public OrderAdministration(OrderStore store, JsonMapper json, Validator validator, Clock clock) {
        this.store = store;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    public record Editable(@NotNull @Valid Address shippingAddress, @NotNull @Valid Address billingAddress,
                           @Size(max = 1000) String notes, @Size(max = 1000) String internalNotes,
                           @NotNull @Email @Size(max = 254) String customerEmail, @Size(max = 20) String customerPhone,
                           LocalDate estimatedDeliveryDate) {
    }

    @Transactional
    public void patch(UUID orderId, JsonNode patch, UUID adminId) {
        if (patch == null || !patch.isObject() || patch.isEmpty()) {
            throw ValidationException.of("body", "send at least one of " + EDITABLE);
        }
        OrderRow order = store.lock(orderId).orElseThrow(OrderQueries::notFound);
        if (!EDITABLE_STATUSES.contains(order.status())) {
            throw new ApiException(ErrorCode.ORDER_NOT_EDITABLE, "Orders can be edited only up to PROCESSING.")
                    .with("status", order.status().name());
        }
        Editable current = new Editable(json.readValue(order.shippingAddress(), Address.class),
                json.readValue(order.billingAddress(), Address.class), order.notes(), order.internalNotes(),
                order.customerEmail(), order.customerPhone(), order.estimatedDeliveryDate());
        Editable next = MergePatch.apply(patch, current, Editable.class, EDITABLE, json);
        Set<ConstraintViolation<Editable>> violations = validator.validate(next);
        if (!violations.isEmpty()) {
            List<FieldViolation> errors = violations.stream()
                    .map(v -> new FieldViolation(v.getPropertyPath().toString(), v.getMessage())).toList();
            throw new ValidationException(errors);
        }
        store.jdbc().sql("""
                        UPDATE orders SET shipping_address = CAST(? AS jsonb), billing_address = CAST(? AS jsonb), notes = ?,
                               internal_notes = ?, customer_email = ?, customer_phone = ?, estimated_delivery_date = ?,
                               updated_at = ?, version = version + 1
                         WHERE id = ?""")
                .params(json.writeValueAsString(next.shippingAddress()), json.writeValueAsString(next.billingAddress()),
                        next.notes(), next.internalNotes(), next.customerEmail().trim().toLowerCase(java.util.Locale.ROOT),
                        next.customerPhone(), next.estimatedDeliveryDate() == null ? null : Date.valueOf(next.estimatedDeliveryDate()),
                        Timestamp.from(clock.instant()), orderId)
                .update();
        if (patch.has("shippingAddress")) {
            store.jdbc().sql("UPDATE shipments SET shipping_address = CAST(? AS jsonb), updated_at = now() WHERE order_id = ?")
                    .params(json.writeValueAsString(next.shippingAddress()), orderId).update();
        }
        store.audit(orderId, "updated", adminId.toString(), "ADMIN",
                json.writeValueAsString(java.util.Map.of("fields", patch.propertyNames())));
    }

    /** Soft delete: only CANCELLED or EXPIRED orders whose paymentStatus is UNPAID, FAILED or REFUNDED. */
    @Transactional
    public void delete(UUID orderId, UUID adminId) {
        OrderRow order = store.lock(orderId).orElseThrow(OrderQueries::notFound);
        boolean deletable = (order.status() == OrderStatus.CANCELLED || order.status() == OrderStatus.EXPIRED)
                && DELETABLE_PAYMENT.contains(order.paymentStatus());
        if (!deletable) {
            throw new ApiException(ErrorCode.ORDER_NOT_DELETABLE,
                    "Only cancelled or expired orders without money held can be deleted.");
        }
        store.jdbc().sql("UPDATE orders SET deleted_at = ?, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), orderId).update();
        store.audit(orderId, "deleted", adminId.toString(), "ADMIN", null);
    }
}
