package uk.co.lomashwood.product.offer;

import jakarta.validation.Validator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.web.patch.MergePatch;
import uk.co.lomashwood.product.cache.AfterCommit;
import uk.co.lomashwood.product.cache.CdnPaths;
import uk.co.lomashwood.product.catalogue.PatchTypes;
import uk.co.lomashwood.product.catalogue.Scope;
import uk.co.lomashwood.product.catalogue.Validation;
import uk.co.lomashwood.product.catalogue.Vat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Packages (spec 20 §1.3, FR1.6): display-only bundles for the home and package pages, never orderable online. */
@Service
public class Packages {

    private static final Set<String> WRITABLE = Set.of("title", "slug", "description", "image", "price", "category",
            "features", "active", "sortOrder");
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final CdnPaths cdn;
    private final Validator validator;
    private final ObjectMapper json;

    public Packages(JdbcClient jdbc, CdnPaths cdn, Validator validator, ObjectMapper json) {
        this.jdbc = jdbc;
        this.cdn = cdn;
        this.validator = validator;
        this.json = json;
    }

    public record Package(UUID id, String slug, String title, String description, String image, Money price,
                          Money priceIncVat, String currency, Scope category, List<String> features, boolean active,
                          int sortOrder) {

        PackageInput input() {
            return new PackageInput(title, slug, description, image, price == null ? null : price.pounds(), category,
                    features, active, sortOrder);
        }
    }

    /** Active packages; a category also matches packages for BOTH (or none). */
    public OffsetPage<Package> list(Scope category, PageRequest page) {
        String where = " WHERE deleted_at IS NULL AND active AND (CAST(:category AS varchar) IS NULL"
                + " OR category IS NULL OR category IN (:category, 'BOTH'))";
        Map<String, Object> params = new HashMap<>();
        params.put("category", category == null ? null : category.name());
        long total = jdbc.sql("SELECT count(*) FROM packages" + where).params(params).query(Long.class).single();
        List<Package> items = jdbc.sql("SELECT * FROM packages" + where + " ORDER BY sort_order, title, id"
                        + " LIMIT :limit OFFSET :offset").params(params).param("limit", page.limit())
                .param("offset", page.offset()).query(this::row).list();
        return new OffsetPage<>(items, page.page(), page.limit(), total);
    }

    public Package get(String column, Object value, boolean admin) {
        return jdbc.sql("SELECT * FROM packages WHERE " + ("slug".equals(column) ? "slug" : "id") + " = ?"
                        + " AND deleted_at IS NULL" + (admin ? "" : " AND active")).param(value).query(this::row)
                .optional().orElseThrow(() -> new ApiException(ErrorCode.PACKAGE_NOT_FOUND, "No such package."));
    }

    @Transactional
    public UUID create(PackageInput in, UUID actor) {
        UUID id = UUID.randomUUID();
        write("""
                INSERT INTO packages (id, slug, title, description, image, price, category, features, active, sort_order,
                       created_by, updated_by) VALUES (:id, :slug, :title, :description, :image, :price, :category,
                       CAST(:features AS jsonb), :active, :sortOrder, :actor, :actor)""", id, in, actor);
        return id;
    }

    @Transactional
    public void patch(UUID id, JsonNode patch, UUID actor) {
        Package current = get("id", id, true);
        if (patch != null && patch.isObject() && patch.isEmpty()) {
            throw ValidationException.of("body", "must change at least one field");
        }
        PatchTypes.requireJsonTypes(patch, PackageInput.class);
        PackageInput next = Validation.valid(validator, MergePatch.apply(patch, current.input(), PackageInput.class,
                WRITABLE, json));
        write("""
                UPDATE packages SET slug = :slug, title = :title, description = :description, image = :image,
                       price = :price, category = :category, features = CAST(:features AS jsonb), active = :active,
                       sort_order = :sortOrder, updated_by = :actor, updated_at = now() WHERE id = :id""", id, next, actor);
    }

    @Transactional
    public void delete(UUID id) {
        get("id", id, true);
        jdbc.sql("UPDATE packages SET deleted_at = now(), updated_at = now() WHERE id = ?").param(id).update();
        changed();
    }

    private void write(String sql, UUID id, PackageInput in, UUID actor) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", id);
        values.put("slug", in.slug());
        values.put("title", in.title());
        values.put("description", in.description());
        values.put("image", in.image());
        values.put("price", in.price() == null ? null : Money.ofPounds(in.price()).pence());
        values.put("category", in.category() == null ? null : in.category().name());
        values.put("features", in.features() == null ? null : json.writeValueAsString(in.features()));
        values.put("active", in.active() == null || in.active());
        values.put("sortOrder", in.sortOrder() == null ? 0 : in.sortOrder());
        values.put("actor", actor);
        try {
            jdbc.sql(sql).params(values).update();
        } catch (DuplicateKeyException e) {
            throw new ApiException(ErrorCode.SLUG_ALREADY_EXISTS, "Another package already uses this slug.");
        }
        changed();
    }

    private void changed() {
        AfterCommit.run(() -> cdn.taxonomyChanged("packages"));
    }

    private Package row(ResultSet rs, int n) throws SQLException {
        long pence = rs.getLong("price");
        Money price = rs.wasNull() ? null : Money.ofPence(pence);
        String features = rs.getString("features");
        String category = rs.getString("category");
        return new Package(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title"),
                rs.getString("description"), rs.getString("image"), price, Vat.incVat(price), Money.CURRENCY,
                category == null ? null : Scope.valueOf(category),
                features == null ? List.of() : json.readValue(features, STRINGS), rs.getBoolean("active"),
                rs.getInt("sort_order"));
    }
}
