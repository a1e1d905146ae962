package uk.co.lomashwood.product.taxonomy;

import jakarta.validation.Validator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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
import uk.co.lomashwood.product.catalogue.ProductCategory;
import uk.co.lomashwood.product.catalogue.Validation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Category tree management (spec 20 §1.3 Categories, §1.4.5). */
@Service
public class Categories {

    private static final Set<String> WRITABLE = Set.of("name", "slug", "description", "type", "image", "icon",
            "parentId", "order", "isActive", "isFeatured", "metaTitle", "metaDescription", "metaKeywords");
    private static final Map<String, String> SORTS = Map.of("name_asc", "c.name ASC", "name_desc", "c.name DESC",
            "order", "c.sort_order ASC", "newest", "c.created_at DESC", "oldest", "c.created_at ASC");
    private static final String SELECT = """
            SELECT c.*, par.name AS parent_name, par.slug AS parent_slug,
                   (SELECT count(*) FROM products p WHERE p.category_id = c.id AND p.deleted_at IS NULL
                       AND p.status = 'PUBLISHED') AS product_count
              FROM categories c LEFT JOIN categories par ON par.id = c.parent_id AND par.deleted_at IS NULL""";

    private final JdbcClient jdbc;
    private final CatalogueCache cache;
    private final CdnPaths cdn;
    private final Validator validator;
    private final ObjectMapper json;

    public Categories(JdbcClient jdbc, CatalogueCache cache, CdnPaths cdn, Validator validator, ObjectMapper json) {
        this.jdbc = jdbc;
        this.cache = cache;
        this.cdn = cdn;
        this.validator = validator;
        this.json = json;
    }

    public record ListQuery(ProductCategory type, Boolean isActive, Boolean isFeatured, String search, UUID parentId,
                            String sortBy, PageRequest page) {
    }

    public OffsetPage<Category> list(ListQuery query) {
        String sort = SORTS.get(query.sortBy() == null ? "order" : query.sortBy());
        if (sort == null) {
            throw ValidationException.of("sortBy", "must be one of " + SORTS.keySet());
        }
        String where = " " + """
                 WHERE c.deleted_at IS NULL
                   AND (CAST(:type AS varchar) IS NULL OR c.type = :type)
                   AND (CAST(:active AS boolean) IS NULL OR c.is_active = :active)
                   AND (CAST(:featured AS boolean) IS NULL OR c.is_featured = :featured)
                   AND (CAST(:search AS varchar) IS NULL OR c.name ILIKE '%' || :search || '%')
                   AND (CAST(:parent AS uuid) IS NULL OR c.parent_id = :parent)""";
        Map<String, Object> params = new HashMap<>();
        params.put("type", query.type() == null ? null : query.type().name());
        params.put("active", query.isActive());
        params.put("featured", query.isFeatured());
        params.put("search", query.search());
        params.put("parent", query.parentId());
        long total = jdbc.sql("SELECT count(*) FROM categories c" + where).params(params).query(Long.class).single();
        List<Category> items = jdbc.sql(SELECT + where + " ORDER BY " + sort + ", c.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", query.page().limit()).param("offset", query.page().offset())
                .query(this::category).list();
        return new OffsetPage<>(items, query.page().page(), query.page().limit(), total);
    }

    public Category get(UUID id, boolean admin) {
        return one(" WHERE c.id = ?", id, admin);
    }

    public Category bySlug(String slug, boolean admin) {
        return one(" WHERE c.slug = ?", slug, admin);
    }

    private Category one(String where, Object key, boolean admin) {
        return jdbc.sql(SELECT + where + " AND c.deleted_at IS NULL" + (admin ? "" : " AND c.is_active"))
                .param(key).query(this::category).optional()
                .orElseThrow(() -> new ApiException(ErrorCode.CATEGORY_NOT_FOUND, "No such category."));
    }

    public List<Category.Node> hierarchy(ProductCategory type) {
        List<Category> all = jdbc.sql(SELECT + " WHERE c.deleted_at IS NULL AND c.is_active"
                        + " AND (CAST(:type AS varchar) IS NULL OR c.type = :type) ORDER BY c.sort_order, c.name")
                .param("type", type == null ? null : type.name()).query(this::category).list();
        return children(null, all);
    }

    private List<Category.Node> children(UUID parent, List<Category> all) {
        List<Category.Node> nodes = new ArrayList<>();
        for (Category c : all) {
            if (java.util.Objects.equals(c.parentId(), parent)) {
                nodes.add(new Category.Node(c.id(), c.name(), c.slug(), c.type(), c.image(), c.icon(), c.order(),
                        c.productCount(), children(c.id(), all)));
            }
        }
        return nodes;
    }

    @Transactional
    public UUID create(CategoryInput in) {
        lockTree();
        UUID id = UUID.randomUUID();
        checkUnique(in, id);
        tree().checkPlacement(null, in.parentId());
        int order = in.order() != null ? in.order()
                : jdbc.sql("SELECT coalesce(max(sort_order) + 1, 0) FROM categories WHERE deleted_at IS NULL")
                .query(Integer.class).single();
        write("""
                INSERT INTO categories (name, slug, description, type, image, icon, parent_id, sort_order, is_active,
                       is_featured, meta_title, meta_description, meta_keywords, id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", in, Math.min(order, 9999), id);
        changed();
        return id;
    }

    @Transactional
    public void patch(UUID id, JsonNode patch) {
        lockTree();
        Category c = get(id, true);
        PatchTypes.requireJsonTypes(patch, CategoryInput.class);
        CategoryInput next = MergePatch.apply(patch, new CategoryInput(c.name(), c.slug(), c.description(), c.type(),
                c.image(), c.icon(), c.parentId(), c.order(), c.isActive(), c.isFeatured(), c.metaTitle(),
                c.metaDescription(), c.metaKeywords()), CategoryInput.class, WRITABLE, json);
        Validation.valid(validator, next);
        checkUnique(next, id);
        tree().checkPlacement(id, next.parentId());
        write("""
                UPDATE categories SET name = ?, slug = ?, description = ?, type = ?, image = ?, icon = ?, parent_id = ?,
                       sort_order = ?, is_active = ?, is_featured = ?, meta_title = ?, meta_description = ?,
                       meta_keywords = ?, updated_at = now() WHERE id = ?""", next, next.order() == null ? 0 : next.order(), id);
        changed();
    }

    public record Position(UUID id, int order) {
    }

    /** All or nothing: an unknown id is a 404 and nothing moves. */
    @Transactional
    public void reorder(List<Position> positions) {
        lockTree();
        for (Position p : positions) {
            if (jdbc.sql("UPDATE categories SET sort_order = ?, updated_at = now() WHERE id = ? AND deleted_at IS NULL")
                    .params(p.order(), p.id()).update() == 0) {
                throw new ApiException(ErrorCode.CATEGORY_NOT_FOUND, "No such category: " + p.id());
            }
        }
        changed();
    }

    @Transactional
    public void toggleActive(UUID id) {
        get(id, true);
        jdbc.sql("UPDATE categories SET is_active = NOT is_active, updated_at = now() WHERE id = ?").param(id).update();
        changed();
    }

    @Transactional
    public void delete(UUID id) {
        get(id, true);
        if (jdbc.sql("SELECT count(*) FROM products WHERE category_id = ? AND deleted_at IS NULL").param(id)
                .query(Long.class).single() > 0) {
            throw new ApiException(ErrorCode.CATEGORY_HAS_PRODUCTS, "Products are filed under this category.");
        }
        if (jdbc.sql("SELECT count(*) FROM categories WHERE parent_id = ? AND deleted_at IS NULL").param(id)
                .query(Long.class).single() > 0) {
            throw new ApiException(ErrorCode.CATEGORY_HAS_CHILDREN, "The category has sub-categories.");
        }
        jdbc.sql("UPDATE categories SET deleted_at = now(), updated_at = now() WHERE id = ?").param(id).update();
        changed();
    }

    private void write(String sql, CategoryInput in, int order, UUID id) {
        jdbc.sql(sql).params(in.name().trim(), in.slug(), in.description(), in.type().name(), in.image(), in.icon(),
                in.parentId(), order, in.isActive() == null || in.isActive(), Boolean.TRUE.equals(in.isFeatured()),
                in.metaTitle(), in.metaDescription(), in.metaKeywords(), id).update();
    }

    /** Tree rules read every parent link; one writer at a time keeps them true under concurrency. */
    private void lockTree() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('product:categories'))").query(Object.class).single();
    }

    private CategoryTree tree() {
        Map<UUID, UUID> parents = new HashMap<>();
        jdbc.sql("SELECT id, parent_id FROM categories WHERE deleted_at IS NULL")
                .query((rs, n) -> parents.put(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class)))
                .list();
        return new CategoryTree(parents);
    }

    private void checkUnique(CategoryInput in, UUID except) {
        if (jdbc.sql("SELECT count(*) FROM categories WHERE (lower(name) = lower(?) OR slug = ?) AND deleted_at IS NULL AND id <> ?")
                .params(in.name().trim(), in.slug(), except).query(Long.class).single() > 0) {
            throw new ApiException(ErrorCode.CATEGORY_ALREADY_EXISTS, "A category with this name or slug already exists.");
        }
    }

    private void changed() {
        AfterCommit.run(() -> {
            cache.taxonomyChanged("category");
            cdn.taxonomyChanged("categories");
        });
    }

    private Category category(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID parentId = rs.getObject("parent_id", UUID.class);
        List<Category.Child> children = jdbc.sql("""
                        SELECT id, name, slug, sort_order FROM categories WHERE parent_id = ? AND deleted_at IS NULL
                         ORDER BY sort_order, name""").param(id)
                .query((r, i) -> new Category.Child(r.getObject("id", UUID.class), r.getString("name"),
                        r.getString("slug"), r.getInt("sort_order"))).list();
        String parentName = rs.getString("parent_name");
        return new Category(id, rs.getString("name"), rs.getString("slug"), rs.getString("description"),
                ProductCategory.valueOf(rs.getString("type")), rs.getString("image"), rs.getString("icon"), parentId,
                rs.getInt("sort_order"), rs.getBoolean("is_active"), rs.getBoolean("is_featured"),
                rs.getString("meta_title"), rs.getString("meta_description"), rs.getString("meta_keywords"),
                parentName == null ? null : new Category.Ref(parentId, parentName, rs.getString("parent_slug")),
                children, rs.getLong("product_count"));
    }
}
