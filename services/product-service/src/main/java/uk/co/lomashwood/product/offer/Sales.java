package uk.co.lomashwood.product.offer;

import jakarta.validation.Validator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;
import uk.co.lomashwood.platform.web.patch.MergePatch;
import uk.co.lomashwood.product.cache.AfterCommit;
import uk.co.lomashwood.product.cache.CdnPaths;
import uk.co.lomashwood.product.catalogue.PatchTypes;
import uk.co.lomashwood.product.catalogue.ProductCategory;
import uk.co.lomashwood.product.catalogue.Validation;
import uk.co.lomashwood.product.pricing.Repricing;
import uk.co.lomashwood.product.product.ProductQueries;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Sales (offers, spec 20 §1.3, §1.4.3): a current sale with a discount lowers the effective price of the
 * products it covers, so every write reprices them and invalidates their cached pages; after commit, it also
 * invalidates the sales pages at the CDN.
 */
@Service
public class Sales {

    private static final Set<String> WRITABLE = Set.of("title", "slug", "description", "image", "startDate", "endDate",
            "discountType", "discountPercent", "discountAmount", "terms", "category", "active", "productIds");
    private static final String SELECT = """
            SELECT s.*, (SELECT coalesce(array_agg(sp.product_id ORDER BY sp.created_at, sp.product_id), '{}')
                           FROM sale_products sp JOIN products p ON p.id = sp.product_id
                          WHERE sp.sale_id = s.id AND p.deleted_at IS NULL) AS product_ids
              FROM sales s""";

    public enum State { CURRENT, UPCOMING, EXPIRED, ALL }

    /** The pricing state of a sale at :now; the reprice job acts when it differs from {@code priced_state}. */
    private static final String PRICED_STATE = """
            CASE WHEN NOT s.active THEN 'INACTIVE' WHEN :now < s.start_date THEN 'UPCOMING'
                 WHEN :now > s.end_date THEN 'EXPIRED' ELSE 'CURRENT' END""";

    private final JdbcClient jdbc;
    private final Repricing repricing;
    private final CdnPaths cdn;
    private final ProductQueries products;
    private final OutboxPublisher outbox;
    private final Validator validator;
    private final ObjectMapper json;
    private final Clock clock;

    public Sales(JdbcClient jdbc, Repricing repricing, CdnPaths cdn, ProductQueries products, OutboxPublisher outbox,
                 Validator validator, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.repricing = repricing;
        this.cdn = cdn;
        this.products = products;
        this.outbox = outbox;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
    }

    public OffsetPage<Sale> list(ProductCategory category, State state, PageRequest page) {
        String window = switch (state) {
            case CURRENT -> " AND s.active AND s.start_date <= :now AND s.end_date >= :now";
            case UPCOMING -> " AND s.start_date > :now";
            case EXPIRED -> " AND s.end_date < :now";
            case ALL -> "";
        };
        String where = " WHERE s.deleted_at IS NULL AND (CAST(:category AS varchar) IS NULL OR s.category IS NULL"
                + " OR s.category = :category)" + window;
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("category", category == null ? null : category.name());
        params.put("now", Timestamp.from(clock.instant()));
        long total = jdbc.sql("SELECT count(*) FROM sales s" + where).params(params).query(Long.class).single();
        List<Sale> items = jdbc.sql(SELECT + where + " ORDER BY s.end_date, s.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.limit()).param("offset", page.offset()).query(Sales::sale).list();
        return new OffsetPage<>(items, page.page(), page.limit(), total);
    }

    /** Non-current sales exist only for ADMIN callers. */
    public Sale get(UUID id, boolean admin) {
        return withProducts(find("s.id = ?", id, admin));
    }

    public Sale bySlug(String slug, boolean admin) {
        return withProducts(find("s.slug = ?", slug, admin));
    }

    @Transactional
    public UUID create(SaleInput in, UUID actor) {
        in.checked();
        checkProducts(in.productIdsOrEmpty());
        UUID id = UUID.randomUUID();
        try {
            write("""
                    INSERT INTO sales (id, slug, title, description, image, start_date, end_date, discount_type,
                           discount_percent, discount_amount, terms, category, active, created_by, updated_by)
                    VALUES (:id, :slug, :title, :description, :image, :start, :end, :type, :percent, :amount, :terms,
                           :category, :active, :actor, :actor)""", id, in, actor);
        } catch (DuplicateKeyException e) {
            throw slugTaken();
        }
        link(id, in.productIdsOrEmpty());
        markPriced(id);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("saleId", id);
        data.put("slug", in.slug());
        data.put("title", in.title());
        data.put("category", in.category());
        data.put("startDate", in.startDate());
        data.put("endDate", in.endDate());
        outbox.publish("product.sale.created", id.toString(), data);
        repricing.recompute(repricing.coveredBy(id));
        AfterCommit.run(cdn::salesChanged);
        return id;
    }

    @Transactional
    public void patch(UUID id, JsonNode patch, UUID actor) {
        Sale current = find("s.id = ?", id, true);
        if (patch != null && patch.isObject() && patch.isEmpty()) {
            throw ValidationException.of("body", "must change at least one field");
        }
        PatchTypes.requireJsonTypes(patch, SaleInput.class);
        SaleInput next = Validation.valid(validator, MergePatch.apply(patch, current.input(), SaleInput.class, WRITABLE,
                json)).checked();
        checkProducts(next.productIdsOrEmpty());
        Set<UUID> affected = new LinkedHashSet<>(repricing.coveredBy(id));
        jdbc.sql("SELECT id FROM sales WHERE id = ? FOR UPDATE").param(id).query(UUID.class).single();
        try {
            write("""
                    UPDATE sales SET slug = :slug, title = :title, description = :description, image = :image,
                           start_date = :start, end_date = :end, discount_type = :type, discount_percent = :percent,
                           discount_amount = :amount, terms = :terms, category = :category, active = :active,
                           updated_by = :actor, updated_at = now() WHERE id = :id""", id, next, actor);
        } catch (DuplicateKeyException e) {
            throw slugTaken();
        }
        if (patch.has("productIds")) {
            jdbc.sql("DELETE FROM sale_products WHERE sale_id = ?").param(id).update();
            link(id, next.productIdsOrEmpty());
        }
        affected.addAll(repricing.coveredBy(id));
        markPriced(id);
        repricing.recompute(affected);
        AfterCommit.run(cdn::salesChanged);
    }

    @Transactional
    public void delete(UUID id) {
        find("s.id = ?", id, true);
        List<UUID> affected = repricing.coveredBy(id);
        jdbc.sql("UPDATE sales SET deleted_at = now(), updated_at = now() WHERE id = ?").param(id).update();
        repricing.recompute(affected);
        AfterCommit.run(cdn::salesChanged);
    }

    /**
     * reprice-products, sale side (spec 20 §1.6): sales that started or ended since they were last priced reprice
     * the products they cover; a sale whose window ended emits {@code product.sale.expired}.
     */
    @Transactional
    public int refreshWindows() {
        record Moved(UUID id, String slug, String title, String category, Instant start, Instant end, String state,
                     String was) {
        }
        List<Moved> moved = jdbc.sql("SELECT s.*, " + PRICED_STATE + " AS state FROM sales s WHERE s.deleted_at IS NULL"
                        + " AND s.priced_state IS DISTINCT FROM " + PRICED_STATE + " ORDER BY s.id FOR UPDATE OF s")
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Moved(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title"),
                        rs.getString("category"), rs.getTimestamp("start_date").toInstant(),
                        rs.getTimestamp("end_date").toInstant(), rs.getString("state"), rs.getString("priced_state")))
                .list();
        Set<UUID> affected = new LinkedHashSet<>();
        for (Moved sale : moved) {
            affected.addAll(repricing.coveredBy(sale.id()));
            markPriced(sale.id());
            if ("EXPIRED".equals(sale.state()) && !"EXPIRED".equals(sale.was())) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("saleId", sale.id());
                data.put("slug", sale.slug());
                data.put("title", sale.title());
                data.put("category", sale.category());
                data.put("startDate", sale.start());
                data.put("endDate", sale.end());
                outbox.publish("product.sale.expired", sale.id().toString(), data);
            }
        }
        repricing.recompute(affected);
        return moved.size();
    }

    private void markPriced(UUID id) {
        jdbc.sql("UPDATE sales s SET priced_state = " + PRICED_STATE + " WHERE s.id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    private Sale find(String condition, Object value, boolean admin) {
        String visible = admin ? "" : " AND s.active AND s.start_date <= now() AND s.end_date >= now()";
        return jdbc.sql(SELECT + " WHERE " + condition + " AND s.deleted_at IS NULL" + visible).param(value)
                .query(Sales::sale).optional()
                .orElseThrow(() -> new ApiException(ErrorCode.SALE_NOT_FOUND, "No such sale."));
    }

    /** The cards of the products the sale covers: its linked ones, or its whole category when it links none. */
    private Sale withProducts(Sale sale) {
        List<UUID> covered = sale.productIds().isEmpty() ? repricing.coveredBy(sale.id()) : sale.productIds();
        return sale.withProducts(products.cards(new LinkedHashSet<>(covered), true));
    }

    private void checkProducts(List<UUID> ids) {
        Set<UUID> distinct = new LinkedHashSet<>(ids);
        if (!distinct.isEmpty() && jdbc.sql("SELECT count(*) FROM products WHERE id IN (:ids) AND deleted_at IS NULL")
                .param("ids", List.copyOf(distinct)).query(Long.class).single() != distinct.size()) {
            throw ApiException.reference(ErrorCode.PRODUCT_NOT_FOUND, "productIds names a product that does not exist.");
        }
    }

    private void link(UUID saleId, List<UUID> productIds) {
        for (UUID productId : new LinkedHashSet<>(productIds)) {
            jdbc.sql("INSERT INTO sale_products (id, sale_id, product_id) VALUES (?, ?, ?)")
                    .params(UUID.randomUUID(), saleId, productId).update();
        }
    }

    private void write(String sql, UUID id, SaleInput in, UUID actor) {
        jdbc.sql(sql).param("id", id).param("slug", in.slug()).param("title", in.title())
                .param("description", in.description()).param("image", in.image())
                .param("start", Timestamp.from(in.startDate())).param("end", Timestamp.from(in.endDate()))
                .param("type", in.discountType() == null ? null : in.discountType().name(), java.sql.Types.VARCHAR)
                .param("percent", in.discountPercent(), java.sql.Types.NUMERIC)
                .param("amount", in.discountAmount() == null ? null : Money.ofPounds(in.discountAmount()).pence(),
                        java.sql.Types.BIGINT)
                .param("terms", in.terms()).param("category", in.category() == null ? null : in.category().name(),
                        java.sql.Types.VARCHAR)
                .param("active", in.activeOrDefault()).param("actor", actor).update();
    }

    private static ApiException slugTaken() {
        return new ApiException(ErrorCode.SLUG_ALREADY_EXISTS, "Another sale already uses this slug.");
    }

    private static Sale sale(ResultSet rs, int n) throws SQLException {
        long amount = rs.getLong("discount_amount");
        Money discountAmount = rs.wasNull() ? null : Money.ofPence(amount);
        UUID[] ids = (UUID[]) rs.getArray("product_ids").getArray();
        return new Sale(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title"),
                rs.getString("description"), rs.getString("image"), rs.getTimestamp("start_date").toInstant(),
                rs.getTimestamp("end_date").toInstant(), rs.getString("discount_type"),
                rs.getBigDecimal("discount_percent"), discountAmount, rs.getString("terms"), rs.getString("category"),
                rs.getBoolean("active"), List.of(ids), null);
    }
}
