package uk.co.lomashwood.order.coupon;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.FieldViolation;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.web.patch.MergePatch;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Staff coupon management (spec 20 §2.3 Coupons, P1): list, read, create, merge-patch, deactivate, soft delete. */
@Service
public class CouponAdministration {

    private static final Set<String> WRITABLE = Set.of("code", "name", "description", "discountType", "discountPercent",
            "discountAmount", "maxDiscountAmount", "minOrderAmount", "maxUsageCount", "maxUsagePerCustomer", "validFrom",
            "validUntil", "applicableCategories", "applicableProducts", "excludedProducts", "firstOrderOnly", "internalNotes");
    private static final Map<String, String> SORTS = Map.of("createdAt", "created_at", "validUntil", "valid_until",
            "usageCount", "usage_count");
    private static final Set<String> STATUSES = Set.of("ACTIVE", "INACTIVE", "EXPIRED", "EXHAUSTED");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Validator validator;

    public CouponAdministration(JdbcClient jdbc, JsonMapper json, Validator validator) {
        this.jdbc = jdbc;
        this.json = json;
        this.validator = validator;
    }

    public OffsetPage<CouponView> list(String status, String search, String sortBy, String sortOrder, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE deleted_at IS NULL");
        Map<String, Object> params = new LinkedHashMap<>();
        if (status != null) {
            if (!STATUSES.contains(status.toUpperCase(Locale.ROOT))) {
                throw ValidationException.of("status", "must be one of " + STATUSES);
            }
            where.append(" AND status = :status");
            params.put("status", status.toUpperCase(Locale.ROOT));
        }
        if (search != null && !search.isBlank()) {
            if (search.length() > 100) {
                throw ValidationException.of("search", "must be 100 characters or fewer");
            }
            where.append(" AND (code ILIKE :q OR name ILIKE :q)");
            params.put("q", "%" + search.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String column = SORTS.get(sortBy == null ? "createdAt" : sortBy);
        if (column == null) {
            throw ValidationException.of("sortBy", "must be one of " + SORTS.keySet());
        }
        String direction = "asc".equalsIgnoreCase(sortOrder) ? "ASC" : "DESC";
        if (sortOrder != null && !sortOrder.equalsIgnoreCase("asc") && !sortOrder.equalsIgnoreCase("desc")) {
            throw ValidationException.of("sortOrder", "must be asc or desc");
        }
        long total = jdbc.sql("SELECT count(*) FROM coupons" + where).params(params).query(Long.class).single();
        List<CouponView> items = jdbc.sql("SELECT * FROM coupons" + where + " ORDER BY " + column + " " + direction
                        + " NULLS LAST, id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.limit()).param("offset", page.offset())
                .query(CouponAdministration::view).list();
        return new OffsetPage<>(items, page.page(), page.limit(), total);
    }

    public CouponView get(UUID id) {
        return jdbc.sql("SELECT * FROM coupons WHERE id = ? AND deleted_at IS NULL").param(id)
                .query(CouponAdministration::view).optional().orElseThrow(CouponAdministration::notFound);
    }

    @Transactional
    public CouponView create(CouponInput input, UUID adminId) {
        input.checkConsistency();
        UUID id = UUID.randomUUID();
        requireFreeCode(input.code(), id);
        jdbc.sql("""
                        INSERT INTO coupons (id, code, name, description, discount_type, discount_percent, discount_amount,
                               max_discount_amount, min_order_amount, max_usage_count, max_usage_per_customer, valid_from,
                               valid_until, applicable_categories, applicable_products, excluded_products, first_order_only,
                               internal_notes, created_by)
                        VALUES (:id, :code, :name, :description, :type, :percent, :amount, :maxDiscount, :minOrder,
                               :maxUsage, :perCustomer, :validFrom, :validUntil, :categories, :products, :excluded,
                               :firstOrderOnly, :notes, :createdBy)""")
                .params(params(id, input)).param("createdBy", adminId).update();
        return get(id);
    }

    @Transactional
    public CouponView patch(UUID id, JsonNode patch) {
        CouponView current = get(id);
        CouponInput before = input(current);
        CouponInput next = MergePatch.apply(patch, before, CouponInput.class, WRITABLE, json);
        Set<ConstraintViolation<CouponInput>> violations = validator.validate(next);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations.stream()
                    .map(v -> new FieldViolation(v.getPropertyPath().toString(), v.getMessage())).toList());
        }
        next.checkConsistency();
        if (!Coupons.normalise(next.code()).equals(current.code())) {
            if (current.usageCount() > 0 || jdbc.sql("SELECT EXISTS (SELECT 1 FROM coupon_usages WHERE coupon_id = ?)")
                    .param(id).query(Boolean.class).single()) {
                throw ValidationException.of("code", "cannot change once the coupon has been used");
            }
            requireFreeCode(next.code(), id);
        }
        jdbc.sql("""
                        UPDATE coupons SET code = :code, name = :name, description = :description, discount_type = :type,
                               discount_percent = :percent, discount_amount = :amount, max_discount_amount = :maxDiscount,
                               min_order_amount = :minOrder, max_usage_count = :maxUsage, max_usage_per_customer = :perCustomer,
                               valid_from = :validFrom, valid_until = :validUntil, applicable_categories = :categories,
                               applicable_products = :products, excluded_products = :excluded,
                               first_order_only = :firstOrderOnly, internal_notes = :notes, updated_at = now()
                         WHERE id = :id""")
                .params(params(id, next)).update();
        return get(id);
    }

    @Transactional
    public CouponView deactivate(UUID id) {
        get(id);
        jdbc.sql("UPDATE coupons SET status = 'INACTIVE', updated_at = now() WHERE id = ?").param(id).update();
        return get(id);
    }

    /** Soft delete; a coupon held by unpaid orders (RESERVED usages) is 409 COUPON_IN_USE. */
    @Transactional
    public void delete(UUID id) {
        get(id);
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM coupon_usages WHERE coupon_id = ? AND status = 'RESERVED')")
                .param(id).query(Boolean.class).single()) {
            throw new ApiException(ErrorCode.COUPON_IN_USE, "Orders awaiting payment use this coupon.");
        }
        jdbc.sql("UPDATE coupons SET deleted_at = now(), status = 'INACTIVE', updated_at = now() WHERE id = ?").param(id).update();
    }

    private void requireFreeCode(String code, UUID self) {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM coupons WHERE code = ? AND id <> ? AND deleted_at IS NULL)")
                .params(Coupons.normalise(code), self).query(Boolean.class).single()) {
            throw new ApiException(ErrorCode.COUPON_CODE_EXISTS, "Another coupon already uses this code.");
        }
    }

    private static Map<String, Object> params(UUID id, CouponInput in) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("code", Coupons.normalise(in.code()));
        p.put("name", in.name().trim());
        p.put("description", in.description());
        p.put("type", in.discountType().name());
        p.put("percent", in.discountPercent());
        p.put("amount", pence(in.discountAmount()));
        p.put("maxDiscount", pence(in.maxDiscountAmount()));
        p.put("minOrder", pence(in.minOrderAmount()));
        p.put("maxUsage", in.maxUsageCount());
        p.put("perCustomer", in.maxUsagePerCustomer() == null ? 1 : in.maxUsagePerCustomer());
        p.put("validFrom", Timestamp.from(in.validFrom()));
        p.put("validUntil", in.validUntil() == null ? null : Timestamp.from(in.validUntil()));
        p.put("categories", in.applicableCategories() == null ? new String[0] : in.applicableCategories().toArray(String[]::new));
        p.put("products", in.applicableProducts() == null ? new UUID[0] : in.applicableProducts().toArray(UUID[]::new));
        p.put("excluded", in.excludedProducts() == null ? new UUID[0] : in.excludedProducts().toArray(UUID[]::new));
        p.put("firstOrderOnly", Boolean.TRUE.equals(in.firstOrderOnly()));
        p.put("notes", in.internalNotes());
        return p;
    }

    private static Long pence(BigDecimal pounds) {
        return pounds == null ? null : Money.ofPounds(pounds).pence();
    }

    private static BigDecimal pounds(Money money) {
        return money == null ? null : money.pounds();
    }

    private static CouponInput input(CouponView c) {
        return new CouponInput(c.code(), c.name(), c.description(), c.discountType(), c.discountPercent(),
                pounds(c.discountAmount()), pounds(c.maxDiscountAmount()), pounds(c.minOrderAmount()), c.maxUsageCount(),
                c.maxUsagePerCustomer(), c.validFrom(), c.validUntil(), c.applicableCategories(), c.applicableProducts(),
                c.excludedProducts(), c.firstOrderOnly(), c.internalNotes());
    }

    private static CouponView view(ResultSet rs, int row) throws SQLException {
        Coupon c = Coupons.map(rs, row);
        return new CouponView(c.id(), c.code(), c.name(), rs.getString("description"), c.discountType(),
                c.discountPercent(), money(c.discountAmount()), money(c.maxDiscountAmount()), money(c.minOrderAmount()),
                c.maxUsageCount(), c.maxUsagePerCustomer(), c.usageCount(), c.validFrom(), c.validUntil(),
                c.applicableCategories(), c.applicableProducts(), c.excludedProducts(), c.firstOrderOnly(), c.status(),
                rs.getString("internal_notes"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), Money.CURRENCY);
    }

    private static Money money(Long pence) {
        return pence == null ? null : Money.ofPence(pence);
    }

    static ApiException notFound() {
        return new ApiException(ErrorCode.COUPON_NOT_FOUND, "No such coupon.");
    }
}
