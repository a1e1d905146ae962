package uk.co.lomashwood.product.taxonomy;

import jakarta.validation.Validator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.web.patch.MergePatch;
import uk.co.lomashwood.product.cache.AfterCommit;
import uk.co.lomashwood.product.cache.CatalogueCache;
import uk.co.lomashwood.product.cache.CdnPaths;
import uk.co.lomashwood.product.catalogue.PatchTypes;
import uk.co.lomashwood.product.catalogue.Scope;
import uk.co.lomashwood.product.catalogue.Validation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Size presets (spec 20 §1.3 Sizes, §1.4.5): names unique ignoring case, delete blocked while variants use one. */
@Service
public class Sizes {

    private static final Set<String> WRITABLE = Set.of("name", "title", "description", "image", "width", "height",
            "depth", "unit", "category", "isActive", "sortOrder", "metadata");
    private static final Map<String, String> SORTS = Map.of("name", "z.name", "title", "z.title",
            "createdAt", "z.created_at", "sortOrder", "z.sort_order", "updatedAt", "z.updated_at");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String SELECT = """
            SELECT z.*, (SELECT count(DISTINCT ps.product_id) FROM product_sizes ps JOIN products p ON p.id = ps.product_id
                          WHERE ps.size_id = z.id AND p.deleted_at IS NULL) AS product_count
              FROM sizes z""";

    private final JdbcClient jdbc;
    private final CatalogueCache cache;
    private final CdnPaths cdn;
    private final Validator validator;
    private final ObjectMapper json;

    public Sizes(JdbcClient jdbc, CatalogueCache cache, CdnPaths cdn, Validator validator, ObjectMapper json) {
        this.jdbc = jdbc;
        this.cache = cache;
        this.cdn = cdn;
        this.validator = validator;
        this.json = json;
    }

    public record ListQuery(String q, Scope category, Boolean isActive, PageRequest page, String sortBy, boolean desc) {
    }

    public OffsetPage<Size> list(ListQuery query) {
        String sort = SORTS.get(query.sortBy() == null ? "sortOrder" : query.sortBy());
        if (sort == null) {
            throw ValidationException.of("sortBy", "must be one of " + SORTS.keySet());
        }
        String where = " " + """
                 WHERE z.deleted_at IS NULL
                   AND (CAST(:q AS varchar) IS NULL OR z.name ILIKE '%' || :q || '%' OR z.title ILIKE '%' || :q || '%')
                   AND (CAST(:category AS varchar) IS NULL OR z.category IN (:category, 'BOTH'))
                   AND (CAST(:active AS boolean) IS NULL OR z.is_active = :active)""";
        Map<String, Object> params = new HashMap<>();
        params.put("q", query.q());
        params.put("category", query.category() == null ? null : query.category().name());
        params.put("active", query.isActive());
        long total = jdbc.sql("SELECT count(*) FROM sizes z" + where).params(params).query(Long.class).single();
        List<Size> items = jdbc.sql(SELECT + where + " ORDER BY " + sort + (query.desc() ? " DESC" : " ASC")
                        + " NULLS LAST, z.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", query.page().limit()).param("offset", query.page().offset())
                .query(this::size).list();
        return new OffsetPage<>(items, query.page().page(), query.page().limit(), total);
    }

    public Size get(UUID id, boolean admin) {
        return jdbc.sql(SELECT + " WHERE z.id = ? AND z.deleted_at IS NULL" + (admin ? "" : " AND z.is_active"))
                .param(id).query(this::size).optional()
                .orElseThrow(() -> new ApiException(ErrorCode.SIZE_NOT_FOUND, "No such size."));
    }

    public SizeInput valid(SizeInput in) {
        if (in == null) {
            throw ValidationException.of("size", "must not be null");
        }
        return Validation.valid(validator, in);
    }

    @Transactional
    public UUID create(SizeInput in) {
        UUID id = UUID.randomUUID();
        nameFree(in.trimmedName(), id);
        jdbc.sql("""
                        INSERT INTO sizes (id, name, title, description, image, width, height, depth, unit, category,
                               is_active, sort_order, metadata) VALUES (:id, :name, :title, :description, :image, :width,
                               :height, :depth, :unit, :category, :active, :sortOrder, CAST(:metadata AS jsonb))""")
                .params(columns(id, in)).update();
        changed();
        return id;
    }

    @Transactional
    public void patch(UUID id, JsonNode patch) {
        Size current = get(id, true);
        if (patch != null && patch.isObject() && patch.isEmpty()) {
            throw ValidationException.of("body", "must change at least one field");
        }
        PatchTypes.requireJsonTypes(patch, SizeInput.class);
        SizeInput next = Validation.valid(validator, MergePatch.apply(patch, new SizeInput(current.name(), current.title(),
                current.description(), current.image(), current.width(), current.height(), current.depth(), current.unit(),
                current.category(), current.isActive(), current.sortOrder(), current.metadata()), SizeInput.class,
                WRITABLE, json));
        nameFree(next.trimmedName(), id);
        jdbc.sql("""
                        UPDATE sizes SET name = :name, title = :title, description = :description, image = :image,
                               width = :width, height = :height, depth = :depth, unit = :unit, category = :category,
                               is_active = :active, sort_order = :sortOrder, metadata = CAST(:metadata AS jsonb),
                               updated_at = now() WHERE id = :id""")
                .params(columns(id, next)).update();
        changed();
    }

    @Transactional
    public void setActive(UUID id, boolean active) {
        get(id, true);
        jdbc.sql("UPDATE sizes SET is_active = ?, updated_at = now() WHERE id = ?").params(active, id).update();
        changed();
    }

    @Transactional
    public void delete(UUID id) {
        if (get(id, true).productCount() > 0) {
            throw new ApiException(ErrorCode.SIZE_IN_USE, "Product variants use this size; deactivate it instead.");
        }
        jdbc.sql("UPDATE sizes SET deleted_at = now(), updated_at = now() WHERE id = ?").param(id).update();
        changed();
    }

    /** Live product ids whose variants were made from the preset (for GET /v1/sizes/{id}/products). */
    public List<UUID> productIds(UUID id) {
        get(id, false);
        return jdbc.sql("""
                        SELECT DISTINCT ps.product_id, p.created_at FROM product_sizes ps JOIN products p ON p.id = ps.product_id
                         WHERE ps.size_id = ? AND p.deleted_at IS NULL AND p.status = 'PUBLISHED'
                         ORDER BY p.created_at DESC, ps.product_id""")
                .param(id).query((rs, n) -> rs.getObject("product_id", UUID.class)).list();
    }

    private Map<String, Object> columns(UUID id, SizeInput in) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", id);
        values.put("name", in.trimmedName());
        values.put("title", in.title());
        values.put("description", in.description());
        values.put("image", in.image());
        values.put("width", in.width());
        values.put("height", in.height());
        values.put("depth", in.depth());
        values.put("unit", in.unit() == null ? "mm" : in.unit());
        values.put("category", (in.category() == null ? Scope.BOTH : in.category()).name());
        values.put("active", in.isActive() == null || in.isActive());
        values.put("sortOrder", in.sortOrder() == null ? 0 : in.sortOrder());
        values.put("metadata", in.metadata() == null ? null : json.writeValueAsString(in.metadata()));
        return values;
    }

    private void nameFree(String name, UUID except) {
        if (jdbc.sql("SELECT count(*) FROM sizes WHERE lower(name) = lower(?) AND deleted_at IS NULL AND id <> ?")
                .params(name, except).query(Long.class).single() > 0) {
            throw new ApiException(ErrorCode.SIZE_ALREADY_EXISTS, "A size with this name already exists.");
        }
    }

    private void changed() {
        AfterCommit.run(() -> {
            cache.taxonomyChanged("size");
            cdn.taxonomyChanged("sizes");
        });
    }

    private Size size(ResultSet rs, int n) throws SQLException {
        String metadata = rs.getString("metadata");
        return new Size(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("title"),
                rs.getString("description"), rs.getString("image"), rs.getBigDecimal("width"), rs.getBigDecimal("height"),
                rs.getBigDecimal("depth"), rs.getString("unit"), Scope.valueOf(rs.getString("category")),
                rs.getBoolean("is_active"), rs.getInt("sort_order"), metadata == null ? null : json.readValue(metadata, MAP),
                rs.getLong("product_count"));
    }
}
