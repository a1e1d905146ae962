package uk.co.lomashwood.product.pricing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Rows of {@code pricing_rules} and {@code price_history}; derived columns are recomputed on every write. */
@Repository
class PricingStore {

    private static final String SELECT = """
            SELECT r.*, p.title AS product_title FROM pricing_rules r JOIN products p ON p.id = r.product_id""";

    private final JdbcClient jdbc;

    PricingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** finalPrice, discountAmount, discountPercentage and isOnSale of spec 20 §1.4.3, at {@code now}. */
    record Derived(long finalPrice, long discountAmount, BigDecimal discountPercentage, boolean onSale) {

        static Derived of(PricingInput in, Instant now) {
            long base = PricingInput.pence(in.basePrice());
            Long sale = PricingInput.pence(in.salePrice());
            PriceRule rule = new PriceRule(null, null, base, sale, in.saleStartDate(), in.saleEndDate(), null, 1, null);
            boolean onSale = rule.saleRunning(now);
            long last = onSale ? sale : base;
            BigDecimal percentage = BigDecimal.valueOf((base - last) * 100).divide(BigDecimal.valueOf(base), 2,
                    RoundingMode.HALF_UP);
            return new Derived(last, base - last, percentage, onSale);
        }
    }

    boolean productExists(UUID productId) {
        return jdbc.sql("SELECT count(*) FROM products WHERE id = ? AND deleted_at IS NULL").param(productId)
                .query(Long.class).single() > 0;
    }

    boolean variantOf(UUID productId, UUID variantId) {
        return jdbc.sql("SELECT count(*) FROM product_sizes WHERE id = ? AND product_id = ?").params(variantId, productId)
                .query(Long.class).single() > 0;
    }

    /** Another live (ACTIVE or SCHEDULED) rule for the same product and variant. */
    boolean liveRuleExists(UUID productId, UUID variantId, UUID except) {
        return jdbc.sql("""
                        SELECT count(*) FROM pricing_rules WHERE product_id = ? AND variant_id IS NOT DISTINCT FROM ?
                           AND deleted_at IS NULL AND status IN ('ACTIVE', 'SCHEDULED') AND id <> ?""")
                .params(productId, variantId, except == null ? new UUID(0, 0) : except).query(Long.class).single() > 0;
    }

    void insert(UUID id, PricingInput in, Derived derived, Instant now) {
        write("""
                INSERT INTO pricing_rules (id, product_id, variant_id, pricing_type, base_price, sale_price, cost_price,
                       min_price, max_price, tax_rate, min_order_quantity, max_order_quantity, sale_start_date,
                       sale_end_date, effective_from, effective_until, status, final_price, discount_amount,
                       discount_percentage, is_on_sale, created_at, updated_at)
                VALUES (:id, :product, :variant, :type, :base, :sale, :cost, :min, :max, :tax, :minQty, :maxQty,
                       :saleStart, :saleEnd, :from, :until, :status, :final, :discount, :percentage, :onSale, :now, :now)""",
                id, in, derived, now);
    }

    void update(UUID id, PricingInput in, Derived derived, Instant now) {
        write("""
                UPDATE pricing_rules SET pricing_type = :type, base_price = :base, sale_price = :sale, cost_price = :cost,
                       min_price = :min, max_price = :max, tax_rate = :tax, min_order_quantity = :minQty,
                       max_order_quantity = :maxQty, sale_start_date = :saleStart, sale_end_date = :saleEnd,
                       effective_from = :from, effective_until = :until, status = :status, final_price = :final,
                       discount_amount = :discount, discount_percentage = :percentage, is_on_sale = :onSale,
                       updated_at = :now, version = version + 1
                 WHERE id = :id AND product_id = :product AND variant_id IS NOT DISTINCT FROM :variant""",
                id, in, derived, now);
    }

    private void write(String sql, UUID id, PricingInput in, Derived derived, Instant now) {
        jdbc.sql(sql).param("id", id).param("product", in.productId()).param("variant", in.variantId())
                .param("type", in.typeOrFixed().name()).param("base", PricingInput.pence(in.basePrice()))
                .param("sale", PricingInput.pence(in.salePrice()), java.sql.Types.BIGINT)
                .param("cost", PricingInput.pence(in.costPrice()), java.sql.Types.BIGINT)
                .param("min", PricingInput.pence(in.minPrice()), java.sql.Types.BIGINT)
                .param("max", PricingInput.pence(in.maxPrice()), java.sql.Types.BIGINT)
                .param("tax", in.taxRateOrStandard()).param("minQty", in.minQuantity())
                .param("maxQty", in.maxOrderQuantity(), java.sql.Types.INTEGER)
                .param("saleStart", timestamp(in.saleStartDate()), java.sql.Types.TIMESTAMP)
                .param("saleEnd", timestamp(in.saleEndDate()), java.sql.Types.TIMESTAMP)
                .param("from", timestamp(in.effectiveFrom() == null ? now : in.effectiveFrom()))
                .param("until", timestamp(in.effectiveUntil()), java.sql.Types.TIMESTAMP)
                .param("status", in.statusOrActive().name()).param("final", derived.finalPrice())
                .param("discount", derived.discountAmount()).param("percentage", derived.discountPercentage())
                .param("onSale", derived.onSale()).param("now", timestamp(now)).update();
    }

    Optional<PricingRuleView> find(UUID id, boolean lock) {
        return jdbc.sql(SELECT + " WHERE r.id = ? AND r.deleted_at IS NULL" + (lock ? " FOR UPDATE OF r" : ""))
                .param(id).query(PricingStore::view).optional();
    }

    List<PricingRuleView> ofProduct(UUID productId, boolean liveOnly) {
        return jdbc.sql(SELECT + " WHERE r.product_id = ? AND r.deleted_at IS NULL"
                        + (liveOnly ? " AND r.status = 'ACTIVE'" : "") + " ORDER BY r.variant_id NULLS FIRST, r.created_at")
                .param(productId).query(PricingStore::view).list();
    }

    /** Live ACTIVE rules of PUBLISHED products whose sale price runs now (public; costs stripped by the caller). */
    List<PricingRuleView> activeSales(String category, Instant now) {
        return jdbc.sql(SELECT + " " + """
                        WHERE r.deleted_at IS NULL AND p.deleted_at IS NULL AND p.status = 'PUBLISHED'
                          AND r.status = 'ACTIVE' AND r.sale_price IS NOT NULL
                          AND r.effective_from <= :now AND (r.effective_until IS NULL OR r.effective_until > :now)
                          AND (r.sale_start_date IS NULL OR r.sale_start_date <= :now)
                          AND (r.sale_end_date IS NULL OR r.sale_end_date >= :now)
                          AND (CAST(:category AS varchar) IS NULL OR p.category = :category)
                        ORDER BY r.discount_percentage DESC, r.id LIMIT 200""")
                .param("now", timestamp(now)).param("category", category).query(PricingStore::view).list();
    }

    record ListQuery(UUID productId, UUID variantId, String category, Long minPrice, Long maxPrice, Boolean onSale,
                     String search, String sort, boolean desc, PageRequest page) {
    }

    OffsetPage<PricingRuleView> list(ListQuery q) {
        String where = " " + """
                WHERE r.deleted_at IS NULL AND p.deleted_at IS NULL
                  AND (CAST(:product AS uuid) IS NULL OR r.product_id = :product)
                  AND (CAST(:variant AS uuid) IS NULL OR r.variant_id = :variant)
                  AND (CAST(:category AS varchar) IS NULL OR p.category = :category)
                  AND (CAST(:min AS bigint) IS NULL OR r.final_price >= :min)
                  AND (CAST(:max AS bigint) IS NULL OR r.final_price <= :max)
                  AND (CAST(:onSale AS boolean) IS NULL OR r.is_on_sale = :onSale)
                  AND (CAST(:q AS varchar) IS NULL OR p.title ILIKE '%' || :q || '%')""";
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("product", q.productId());
        params.put("variant", q.variantId());
        params.put("category", q.category());
        params.put("min", q.minPrice());
        params.put("max", q.maxPrice());
        params.put("onSale", q.onSale());
        params.put("q", q.search());
        long total = jdbc.sql("SELECT count(*) FROM pricing_rules r JOIN products p ON p.id = r.product_id" + where)
                .params(params).query(Long.class).single();
        List<PricingRuleView> items = jdbc.sql(SELECT + where + " ORDER BY " + q.sort() + (q.desc() ? " DESC" : " ASC")
                        + ", r.id LIMIT :limit OFFSET :offset").params(params)
                .param("limit", q.page().limit()).param("offset", q.page().offset()).query(PricingStore::view).list();
        return new OffsetPage<>(items, q.page().page(), q.page().limit(), total);
    }

    record Stats(long totalRules, long onSaleCount, Money averageFinalPrice, BigDecimal averageDiscountPercentage) {
    }

    Stats stats() {
        return jdbc.sql("""
                        SELECT count(*) AS total, count(*) FILTER (WHERE r.is_on_sale) AS on_sale,
                               round(avg(r.final_price)) AS avg_final, round(avg(r.discount_percentage), 2) AS avg_discount
                          FROM pricing_rules r JOIN products p ON p.id = r.product_id
                         WHERE r.deleted_at IS NULL AND p.deleted_at IS NULL""")
                .query((rs, n) -> new Stats(rs.getLong("total"), rs.getLong("on_sale"),
                        rs.getObject("avg_final") == null ? null : Money.ofPence(rs.getLong("avg_final")),
                        rs.getBigDecimal("avg_discount") == null ? BigDecimal.ZERO.setScale(2)
                                : rs.getBigDecimal("avg_discount"))).single();
    }

    /** Status moves by the effective window; the products of the rules that moved. */
    List<UUID> activateAndExpire(Instant now) {
        List<UUID> products = new java.util.ArrayList<>(jdbc.sql("""
                        UPDATE pricing_rules SET status = 'ACTIVE', updated_at = now(), version = version + 1
                         WHERE deleted_at IS NULL AND status = 'SCHEDULED' AND effective_from <= ?
                           AND NOT EXISTS (SELECT 1 FROM pricing_rules o WHERE o.product_id = pricing_rules.product_id
                                  AND o.variant_id IS NOT DISTINCT FROM pricing_rules.variant_id AND o.status = 'ACTIVE'
                                  AND o.deleted_at IS NULL)
                        RETURNING product_id""").param(timestamp(now)).query(UUID.class).list());
        products.addAll(jdbc.sql("""
                        UPDATE pricing_rules SET status = 'EXPIRED', updated_at = now(), version = version + 1
                         WHERE deleted_at IS NULL AND status = 'ACTIVE' AND effective_until <= ?
                        RETURNING product_id""").param(timestamp(now)).query(UUID.class).list());
        return products;
    }

    /** Rules whose stored isOnSale no longer matches their sale window at {@code now}. */
    List<PricingRuleView> saleWindowMoved(Instant now) {
        return jdbc.sql(SELECT + " " + """
                        WHERE r.deleted_at IS NULL AND r.sale_price IS NOT NULL
                          AND r.is_on_sale <> ((r.sale_start_date IS NULL OR r.sale_start_date <= :now)
                                               AND (r.sale_end_date IS NULL OR r.sale_end_date >= :now))
                        FOR UPDATE OF r""").param("now", timestamp(now)).query(PricingStore::view).list();
    }

    void softDelete(UUID id, Instant now) {
        jdbc.sql("UPDATE pricing_rules SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(timestamp(now), timestamp(now), id).update();
    }

    record History(UUID id, UUID productId, UUID variantId, UUID pricingRuleId, Money oldPrice, Money newPrice,
                   BigDecimal changePercentage, String priceType, String reason, String changedBy, Instant changedAt,
                   Instant effectiveDate) {
    }

    void recordHistory(History h) {
        jdbc.sql("""
                        INSERT INTO price_history (id, product_id, variant_id, pricing_rule_id, old_price, new_price,
                               change_percentage, price_type, reason, changed_by, changed_at, effective_date)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(h.id(), h.productId(), h.variantId(), h.pricingRuleId(),
                        h.oldPrice() == null ? null : h.oldPrice().pence(), h.newPrice().pence(), h.changePercentage(),
                        h.priceType(), h.reason(), h.changedBy(), timestamp(h.changedAt()), timestamp(h.effectiveDate()))
                .update();
    }

    List<History> history(UUID ruleId) {
        return jdbc.sql("SELECT * FROM price_history WHERE pricing_rule_id = ? ORDER BY changed_at DESC, id")
                .param(ruleId).query((rs, n) -> new History(rs.getObject("id", UUID.class),
                        rs.getObject("product_id", UUID.class), rs.getObject("variant_id", UUID.class),
                        rs.getObject("pricing_rule_id", UUID.class), money(rs, "old_price"), money(rs, "new_price"),
                        rs.getBigDecimal("change_percentage"), rs.getString("price_type"), rs.getString("reason"),
                        rs.getString("changed_by"), Prices.instant(rs, "changed_at"), Prices.instant(rs, "effective_date")))
                .list();
    }

    private static PricingRuleView view(ResultSet rs, int n) throws SQLException {
        Money last = money(rs, "final_price");
        BigDecimal tax = rs.getBigDecimal("tax_rate");
        return new PricingRuleView(rs.getObject("id", UUID.class), rs.getObject("product_id", UUID.class),
                rs.getString("product_title"), rs.getObject("variant_id", UUID.class), rs.getString("pricing_type"),
                money(rs, "base_price"), money(rs, "sale_price"), money(rs, "cost_price"), money(rs, "min_price"),
                money(rs, "max_price"), rs.getString("currency"), tax, rs.getInt("min_order_quantity"),
                rs.getObject("max_order_quantity", Integer.class), Prices.instant(rs, "sale_start_date"),
                Prices.instant(rs, "sale_end_date"), Prices.instant(rs, "effective_from"),
                Prices.instant(rs, "effective_until"), rs.getString("status"), last,
                last.percent(BigDecimal.valueOf(100).add(tax)), money(rs, "discount_amount"),
                rs.getBigDecimal("discount_percentage"), rs.getBoolean("is_on_sale"), rs.getInt("version"),
                Prices.instant(rs, "created_at"), Prices.instant(rs, "updated_at"));
    }

    static Money money(ResultSet rs, String column) throws SQLException {
        long pence = rs.getLong(column);
        return rs.wasNull() ? null : Money.ofPence(pence);
    }

    static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
