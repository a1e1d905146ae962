package uk.co.lomashwood.product.taxonomy;

import jakarta.validation.Validator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.web.patch.MergePatch;
import uk.co.lomashwood.product.cache.AfterCommit;
import uk.co.lomashwood.product.cache.CatalogueCache;
import uk.co.lomashwood.product.cache.CdnPaths;
import uk.co.lomashwood.product.catalogue.PatchTypes;
import uk.co.lomashwood.product.catalogue.SearchVectors;
import uk.co.lomashwood.product.catalogue.Validation;
import org.springframework.stereotype.Service;
import uk.co.lomashwood.product.catalogue.ProductCategory;

import java.util.List;
import java.util.UUID;

/** Product ranges (ours): the public list with live product counts, and their administration. */
@Service
public class Ranges {

    public record Range(UUID id, String name, String slug, ProductCategory category, String description, String image,
                        int sortOrder, boolean isActive, long productCount) {
    }

    private static final String SELECT = """
            SELECT r.*, (SELECT count(*) FROM products p WHERE p.range_id = r.id AND p.deleted_at IS NULL
                            AND p.status = 'PUBLISHED') AS product_count
              FROM ranges r""";

    private static final java.util.Set<String> WRITABLE = java.util.Set.of("name", "slug", "category", "description",
            "image", "sortOrder", "isActive");

    private final JdbcClient jdbc;
    private final CatalogueCache cache;
    private final CdnPaths cdn;
    private final Validator validator;
    private final ObjectMapper json;

    public Ranges(JdbcClient jdbc, CatalogueCache cache, CdnPaths cdn, Validator validator, ObjectMapper json) {
        this.jdbc = jdbc;
        this.cache = cache;
        this.cdn = cdn;
        this.validator = validator;
        this.json = json;
    }

    public Range get(UUID id) {
        return jdbc.sql(SELECT + " WHERE r.id = ? AND r.deleted_at IS NULL").param(id).query(Ranges::range).optional()
                .orElseThrow(() -> new ApiException(ErrorCode.RANGE_NOT_FOUND, "No such range."));
    }

    @Transactional
    public UUID create(RangeInput in) {
        UUID id = UUID.randomUUID();
        checkFree(in, id);
        jdbc.sql("""
                        INSERT INTO ranges (name, slug, category, description, image, sort_order, is_active, id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(values(in, id)).update();
        changed();
        return id;
    }

    /** Renaming rewrites the name copied onto products and their search text. */
    @Transactional
    public void patch(UUID id, JsonNode patch) {
        Range current = get(id);
        PatchTypes.requireJsonTypes(patch, RangeInput.class);
        RangeInput next = Validation.valid(validator, MergePatch.apply(patch, new RangeInput(current.name(),
                current.slug(), current.category(), current.description(), current.image(), current.sortOrder(),
                current.isActive()), RangeInput.class, WRITABLE, json));
        checkFree(next, id);
        jdbc.sql("""
                        UPDATE ranges SET name = ?, slug = ?, category = ?, description = ?, image = ?, sort_order = ?,
                               is_active = ?, updated_at = now() WHERE id = ?""").params(values(next, id)).update();
        if (!next.name().trim().equals(current.name())) {
            jdbc.sql("UPDATE products SET range_name = ? WHERE range_id = ?").params(next.name().trim(), id).update();
            jdbc.sql(SearchVectors.UPDATE_WHERE + "p.range_id = ?").param(id).update();
        }
        changed();
    }

    @Transactional
    public void delete(UUID id) {
        get(id);
        if (jdbc.sql("SELECT count(*) FROM products WHERE range_id = ? AND deleted_at IS NULL").param(id)
                .query(Long.class).single() > 0) {
            throw new ApiException(ErrorCode.RANGE_IN_USE, "Products belong to this range.");
        }
        jdbc.sql("UPDATE ranges SET deleted_at = now(), updated_at = now() WHERE id = ?").param(id).update();
        changed();
    }

    private void checkFree(RangeInput in, UUID except) {
        if (jdbc.sql("""
                        SELECT count(*) FROM ranges WHERE deleted_at IS NULL AND id <> ?
                           AND (slug = ? OR (category = ? AND lower(name) = lower(?)))""")
                .params(except, in.slug(), in.category().name(), in.name().trim()).query(Long.class).single() > 0) {
            throw new ApiException(ErrorCode.RANGE_ALREADY_EXISTS, "A range with this name or slug already exists.");
        }
    }

    private static Object[] values(RangeInput in, UUID id) {
        return new Object[] {in.name().trim(), in.slug(), in.category().name(), in.description(), in.image(),
                in.sortOrder() == null ? 0 : in.sortOrder(), in.isActive() == null || in.isActive(), id};
    }

    private void changed() {
        AfterCommit.run(() -> {
            cache.taxonomyChanged("range");
            cdn.taxonomyChanged("ranges");
        });
    }

    public List<Range> active(ProductCategory category) {
        return jdbc.sql(SELECT + " " + """
                         WHERE r.deleted_at IS NULL AND r.is_active
                           AND (CAST(:category AS varchar) IS NULL OR r.category = :category)
                         ORDER BY r.sort_order, r.name""")
                .param("category", category == null ? null : category.name())
                .query(Ranges::range).list();
    }

    private static Range range(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Range(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("slug"),
                ProductCategory.valueOf(rs.getString("category")), rs.getString("description"), rs.getString("image"),
                rs.getInt("sort_order"), rs.getBoolean("is_active"), rs.getLong("product_count"));
    }
}
