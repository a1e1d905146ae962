package uk.co.lomashwood.order.coupon;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Coupon rows and their usages (spec 20 §2.4.9): lookup, per-customer counts, atomic reserve and release. */
@Repository
public class Coupons {

    private final JdbcClient jdbc;

    public Coupons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Codes are matched case-insensitively and stored upper-case. */
    public static String normalise(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    public Optional<Coupon> byCode(String code) {
        return jdbc.sql("SELECT * FROM coupons WHERE code = ? AND deleted_at IS NULL")
                .param(normalise(code)).query(Coupons::map).optional();
    }

    /** RESERVED + CONSUMED usages of the coupon by this customer. */
    public int usagesOf(UUID couponId, UUID userId) {
        return jdbc.sql("SELECT count(*) FROM coupon_usages WHERE coupon_id = ? AND user_id = ? AND status IN ('RESERVED', 'CONSUMED')")
                .params(couponId, userId).query(Integer.class).single();
    }

    public boolean hasPaidOrder(UUID userId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM orders WHERE user_id = ? AND deleted_at IS NULL
                           AND payment_status IN ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'DISPUTED', 'CHARGED_BACK'))""")
                .param(userId).query(Boolean.class).single();
    }

    /**
     * Takes one use inside the order transaction: {@code usageCount} grows only while below the limit (else 422
     * COUPON_INVALID EXHAUSTED) and the coupon turns EXHAUSTED when it reaches it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reserve(Coupon coupon, UUID orderId, UUID userId, long discount) {
        int taken = jdbc.sql("""
                        UPDATE coupons SET usage_count = usage_count + 1,
                               status = CASE WHEN max_usage_count IS NOT NULL AND usage_count + 1 >= max_usage_count
                                             THEN 'EXHAUSTED' ELSE status END,
                               updated_at = now()
                         WHERE id = ? AND status = 'ACTIVE' AND (max_usage_count IS NULL OR usage_count < max_usage_count)""")
                .param(coupon.id()).update();
        if (taken == 0) {
            throw new ApiException(ErrorCode.COUPON_INVALID, "This coupon has been used up.").with("reason", "EXHAUSTED");
        }
        jdbc.sql("""
                        INSERT INTO coupon_usages (id, coupon_id, coupon_code, order_id, user_id, discount_amount, status)
                        VALUES (?, ?, ?, ?, ?, ?, 'RESERVED')""")
                .params(UUID.randomUUID(), coupon.id(), coupon.code(), orderId, userId, discount).update();
    }

    /** An unpaid order cancelled or expired gives its use back (RELEASED, usageCount decremented); idempotent. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(UUID orderId) {
        jdbc.sql("""
                        WITH released AS (
                            UPDATE coupon_usages SET status = 'RELEASED', updated_at = now()
                             WHERE order_id = ? AND status = 'RESERVED' RETURNING coupon_id)
                        UPDATE coupons c SET usage_count = greatest(c.usage_count - 1, 0),
                               status = CASE WHEN c.status = 'EXHAUSTED' THEN 'ACTIVE' ELSE c.status END,
                               updated_at = now()
                          FROM released r WHERE c.id = r.coupon_id""")
                .param(orderId).update();
    }

    /** coupon-housekeeping (ours, spec 20 §2.6): ACTIVE coupons past validUntil → EXPIRED, at their limit → EXHAUSTED. */
    @Transactional
    public int housekeeping() {
        int expired = jdbc.sql("""
                        UPDATE coupons SET status = 'EXPIRED', updated_at = now()
                         WHERE status IN ('ACTIVE', 'EXHAUSTED') AND valid_until IS NOT NULL AND valid_until < now()
                           AND deleted_at IS NULL""").update();
        int exhausted = jdbc.sql("""
                        UPDATE coupons SET status = 'EXHAUSTED', updated_at = now()
                         WHERE status = 'ACTIVE' AND max_usage_count IS NOT NULL AND usage_count >= max_usage_count
                           AND deleted_at IS NULL""").update();
        return expired + exhausted;
    }

    static Coupon map(ResultSet rs, int row) throws SQLException {
        return new Coupon(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                Coupon.CouponType.valueOf(rs.getString("discount_type")), rs.getBigDecimal("discount_percent"),
                (Long) rs.getObject("discount_amount"), (Long) rs.getObject("max_discount_amount"),
                (Long) rs.getObject("min_order_amount"), (Integer) rs.getObject("max_usage_count"),
                rs.getInt("max_usage_per_customer"), rs.getInt("usage_count"), instant(rs.getTimestamp("valid_from")),
                instant(rs.getTimestamp("valid_until")), strings(rs.getArray("applicable_categories")),
                uuids(rs.getArray("applicable_products")), uuids(rs.getArray("excluded_products")),
                rs.getBoolean("first_order_only"), rs.getString("status"));
    }

    private static java.time.Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static Set<String> strings(Array array) throws SQLException {
        return array == null ? Set.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).collect(Collectors.toSet());
    }

    private static Set<UUID> uuids(Array array) throws SQLException {
        return array == null ? Set.of() : Arrays.stream((Object[]) array.getArray()).map(o -> (UUID) o).collect(Collectors.toSet());
    }
}
