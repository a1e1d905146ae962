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
import uk.co.lomashwood.product.catalogue.SearchVectors;
import uk.co.lomashwood.product.catalogue.Validation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Colour swatches (spec 20 §1.3 Colours): names unique ignoring case, delete blocked while in use. */
@Service
public class Colours {

    private static final Set<String> WRITABLE = Set.of("name", "hexCode", "description", "category", "isActive",
            "sortOrder", "metadata");
    private static final Map<String, String> SORTS = Map.of("name", "c.name", "createdAt", "c.created_at",
            "sortOrder", "c.sort_order", "updatedAt", "c.updated_at");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String SELECT = """
            SELECT c.*, (SELECT count(*) FROM product_colours pc JOIN products p ON p.id = pc.product_id
                          WHERE pc.colour_id = c.id AND p.deleted_at IS NULL) AS product_count
              FROM colours c""";

    private final JdbcClient jdbc;
    private final CatalogueCache cache;
    private final CdnPaths cdn;
    private final Validator validator;
    private final ObjectMapper json;

    public Colours(JdbcClient jdbc, CatalogueCache cache, CdnPaths cdn, Validator validator, ObjectMapper json) {
        this.jdbc = jdbc;
        this.cache = cache;
        this.cdn = cdn;
        this.validator = validator;
        this.json = json;
    }

    public record ListQuery(String q, Scope category, Boolean isActive, PageRequest page, String sortBy, boolean desc) {
    }

    public OffsetPage<Colour> list(ListQuery query) {
        String sort = SORTS.get(query.sortBy() == null ? "sortOrder" : query.sortBy());
        if (sort == null) {
            throw ValidationException.of("sortBy", "must be one of " + SORTS.keySet());
        }
        String where = " " + """
                 WHERE c.deleted_at IS NULL
                   AND (CAST(:q AS varchar) IS NULL OR c.name ILIKE '%' || :q || '%' OR c.hex_code ILIKE '%' || :q || '%')
                   AND (CAST(:category AS varchar) IS NULL OR c.category = :category OR c.category = 'BOTH')
                   AND (CAST(:active AS boolean) IS NULL OR c.is_active = :active)""";
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("q", query.q());
        params.put("category", query.category() == null ? null : query.category().name());
        params.put("active", query.isActive());
        long total = jdbc.sql("SELECT count(*) FROM colours c" + where).params(params).query(Long.class).single();
        var items = jdbc.sql(SELECT + where + " ORDER BY " + sort + (query.desc() ? " DESC" : " ASC")
                        + ", c.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", query.page().limit()).param("offset", query.page().offset())
                .query(this::colour).list();
        return new OffsetPage<>(items, query.page().page(), query.page().limit(), total);
    }

    public Colour get(UUID id, boolean admin) {
        return jdbc.sql(SELECT + " WHERE c.id = ? AND c.deleted_at IS NULL" + (admin ? "" : " AND c.is_active"))
                .param(id).query(this::colour).optional()
                .orElseThrow(() -> new ApiException(ErrorCode.COLOUR_NOT_FOUND, "No such colour."));
    }

    public ColourInput valid(ColourInput in) {
        if (in == null) {
            throw ValidationException.of("colour", "must not be null");
        }
        return Validation.valid(validator, in);
    }

    @Transactional
    public UUID create(ColourInput in) {
        UUID id = UUID.randomUUID();
        checkNameFree(in.trimmedName(), id);
        jdbc.sql("""
                        INSERT INTO colours (id, name, hex_code, description, category, is_active, sort_order, metadata)
                        VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""")
                .params(id, in.trimmedName(), in.normalisedHex(), in.description(),
                        (in.category() == null ? Scope.BOTH : in.category()).name(), in.isActive() == null || in.isActive(),
                        in.sortOrder() == null ? 0 : in.sortOrder(), metadata(in)).update();
        changed();
        return id;
    }

    @Transactional
    public void patch(UUID id, JsonNode patch) {
        Colour current = get(id, true);
        if (patch != null && patch.isObject() && patch.isEmpty()) {
            throw ValidationException.of("body", "must change at least one field");
        }
        PatchTypes.requireJsonTypes(patch, ColourInput.class);
        ColourInput next = MergePatch.apply(patch, new ColourInput(current.name(), current.hexCode(),
                current.description(), current.category(), current.isActive(), current.sortOrder(),
                current.metadata()), ColourInput.class, WRITABLE, json);
        Validation.valid(validator, next);
        checkNameFree(next.trimmedName(), id);
        jdbc.sql("""
                        UPDATE colours SET name = ?, hex_code = ?, description = ?, category = ?, is_active = ?,
                               sort_order = ?, metadata = CAST(? AS jsonb), updated_at = now() WHERE id = ?""")
                .params(next.trimmedName(), next.normalisedHex(), next.description(),
                        (next.category() == null ? Scope.BOTH : next.category()).name(),
                        next.isActive() == null || next.isActive(), next.sortOrder() == null ? 0 : next.sortOrder(),
                        metadata(next), id).update();
        refreshSearchVectors(id);
        changed();
    }

    @Transactional
    public void setActive(UUID id, boolean active) {
        get(id, true);
        jdbc.sql("UPDATE colours SET is_active = ?, updated_at = now() WHERE id = ?").params(active, id).update();
        changed();
    }

    @Transactional
    public void delete(UUID id) {
        Colour colour = get(id, true);
        if (colour.productCount() > 0) {
            throw new ApiException(ErrorCode.COLOUR_IN_USE, "Products use this colour; deactivate it instead.");
        }
        jdbc.sql("UPDATE colours SET deleted_at = now(), updated_at = now() WHERE id = ?").param(id).update();
        changed();
    }

    private void checkNameFree(String name, UUID except) {
        if (jdbc.sql("SELECT count(*) FROM colours WHERE lower(name) = lower(?) AND deleted_at IS NULL AND id <> ?")
                .params(name, except).query(Long.class).single() > 0) {
            throw new ApiException(ErrorCode.COLOUR_ALREADY_EXISTS, "A colour with this name already exists.");
        }
    }

    private void refreshSearchVectors(UUID colourId) {
        // colour names are part of searchVector; the rename reaches search at once instead of at the nightly rebuild
        jdbc.sql(SearchVectors.UPDATE_WHERE + "p.id IN (SELECT product_id FROM product_colours WHERE colour_id = ?)")
                .param(colourId).update();
    }

    private String metadata(ColourInput in) {
        return in.metadata() == null ? null : json.writeValueAsString(in.metadata());
    }

    private void changed() {
        AfterCommit.run(() -> {
            cache.taxonomyChanged("colour");
            cdn.taxonomyChanged("colours");
        });
    }

    private Colour colour(ResultSet rs, int n) throws SQLException {
        String metadata = rs.getString("metadata");
        return new Colour(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("hex_code"),
                rs.getString("description"), Scope.valueOf(rs.getString("category")), rs.getBoolean("is_active"),
                rs.getInt("sort_order"), metadata == null ? null : json.readValue(metadata, MAP),
                rs.getLong("product_count"));
    }
}
