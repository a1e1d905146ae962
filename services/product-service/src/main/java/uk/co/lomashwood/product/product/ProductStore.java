package uk.co.lomashwood.product.product;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.co.lomashwood.product.catalogue.ProductStatus;
import uk.co.lomashwood.product.catalogue.SearchVectors;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Write side of products and their images, colours, sizes and starting inventory rows. */
@Repository
public class ProductStore {

    private final JdbcClient jdbc;

    public ProductStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored state needed by writes, locked for the rest of the transaction. */
    record Current(UUID id, String slug, ProductStatus status, int version, ProductInput input) {
    }

    Optional<Current> lock(UUID id) {
        return jdbc.sql("""
                        SELECT id, slug, title, description, category, price, category_id, range_id, status, style, finish,
                               meta_title, meta_description, featured, sort_order, lead_time_days, version
                          FROM products WHERE id = ? AND deleted_at IS NULL FOR UPDATE""")
                .param(id).query((rs, n) -> {
                    long price = rs.getLong("price");
                    boolean noPrice = rs.wasNull();
                    ProductInput input = new ProductInput(rs.getString("title"), rs.getString("description"),
                            ProductQueries.enumOrNull(uk.co.lomashwood.product.catalogue.ProductCategory.class, rs.getString("category")),
                            noPrice ? null : java.math.BigDecimal.valueOf(price, 2),
                            rs.getObject("category_id", UUID.class), rs.getObject("range_id", UUID.class),
                            ProductStatus.valueOf(rs.getString("status")),
                            ProductQueries.enumOrNull(uk.co.lomashwood.product.catalogue.StyleType.class, rs.getString("style")),
                            ProductQueries.enumOrNull(uk.co.lomashwood.product.catalogue.FinishType.class, rs.getString("finish")),
                            rs.getString("slug"), rs.getString("meta_title"), rs.getString("meta_description"),
                            rs.getBoolean("featured"), rs.getInt("sort_order"), rs.getObject("lead_time_days", Integer.class),
                            null, null, null, List.of());
                    return new Current(id, rs.getString("slug"), input.status(), rs.getInt("version"), input);
                }).optional().map(c -> new Current(c.id(), c.slug(), c.status(), c.version(), withChildren(c)));
    }

    private ProductInput withChildren(Current c) {
        ProductInput i = c.input();
        List<ProductInput.ImageInput> images = jdbc.sql(
                        "SELECT url, alt_text, sort_order FROM product_images WHERE product_id = ? ORDER BY sort_order, id")
                .param(c.id()).query((rs, n) -> new ProductInput.ImageInput(rs.getString("url"), rs.getString("alt_text"),
                        rs.getInt("sort_order"))).list();
        List<UUID> colours = colourIds(c.id());
        List<ProductInput.SizeInput> sizes = jdbc.sql("""
                        SELECT title, description, image, width, height, depth, unit, sku, size_id, sort_order
                          FROM product_sizes WHERE product_id = ? ORDER BY sort_order, id""")
                .param(c.id()).query((rs, n) -> new ProductInput.SizeInput(rs.getString("title"), rs.getString("description"),
                        rs.getString("image"), rs.getBigDecimal("width"), rs.getBigDecimal("height"), rs.getBigDecimal("depth"),
                        rs.getString("unit"), rs.getString("sku"), rs.getObject("size_id", UUID.class),
                        rs.getInt("sort_order"))).list();
        return new ProductInput(i.title(), i.description(), i.category(), i.price(), i.categoryId(), i.rangeId(),
                i.status(), i.style(), i.finish(), i.slug(), i.metaTitle(), i.metaDescription(), i.featured(),
                i.sortOrder(), i.leadTimeDays(), images, colours, sizes, saleIds(c.id()));
    }

    List<UUID> saleIds(UUID productId) {
        return jdbc.sql("""
                        SELECT sp.sale_id FROM sale_products sp JOIN sales s ON s.id = sp.sale_id
                         WHERE sp.product_id = ? AND s.deleted_at IS NULL ORDER BY sp.created_at, sp.sale_id""")
                .param(productId).query(UUID.class).list();
    }

    /** The offers the product is linked to (null = leave as they are). */
    void replaceSales(UUID productId, List<UUID> saleIds) {
        if (saleIds == null) {
            return;
        }
        jdbc.sql("DELETE FROM sale_products WHERE product_id = ?").param(productId).update();
        for (UUID saleId : new java.util.LinkedHashSet<>(saleIds)) {
            jdbc.sql("INSERT INTO sale_products (id, sale_id, product_id) VALUES (?, ?, ?)")
                    .params(UUID.randomUUID(), saleId, productId).update();
        }
    }

    List<UUID> colourIds(UUID productId) {
        return jdbc.sql("SELECT colour_id FROM product_colours WHERE product_id = ? ORDER BY created_at, colour_id")
                .param(productId).query(UUID.class).list();
    }

    boolean slugTaken(String slug, UUID except) {
        return jdbc.sql("SELECT count(*) FROM products WHERE slug = ? AND deleted_at IS NULL AND id <> ?")
                .params(slug, except == null ? new UUID(0, 0) : except).query(Long.class).single() > 0;
    }

    void insert(UUID id, ProductInput in, String slug, String rangeName, UUID actor, Instant now) {
        write("""
                        INSERT INTO products (id, slug, title, description, category, category_id, range_id, range_name,
                               style, finish, price, effective_price, status, meta_title, meta_description, featured,
                               sort_order, lead_time_days, created_by, updated_by, created_at, updated_at)
                        VALUES (:id, :slug, :title, :description, :category, :categoryId, :rangeId, :rangeName, :style,
                               :finish, :price, :price, :status, :metaTitle, :metaDescription, :featured, :sortOrder,
                               :leadTimeDays, :actor, :actor, :now, :now)""", id, in, slug, rangeName, actor, now);
    }

    void update(UUID id, ProductInput in, String slug, String rangeName, UUID actor, Instant now) {
        write("""
                        UPDATE products SET slug = :slug, title = :title, description = :description, category = :category,
                               category_id = :categoryId, range_id = :rangeId, range_name = :rangeName, style = :style,
                               finish = :finish, price = :price, effective_price = :price, status = :status,
                               meta_title = :metaTitle, meta_description = :metaDescription, featured = :featured,
                               sort_order = :sortOrder, lead_time_days = :leadTimeDays, updated_by = :actor,
                               updated_at = :now, version = version + 1
                         WHERE id = :id""", id, in, slug, rangeName, actor, now);
    }

    private void write(String sql, UUID id, ProductInput in, String slug, String rangeName, UUID actor, Instant now) {
        Long pence = in.netPrice() == null ? null : in.netPrice().pence();
        jdbc.sql(sql)
                .param("id", id).param("slug", slug).param("title", in.title()).param("description", in.description())
                .param("category", in.category().name()).param("categoryId", in.categoryId())
                .param("rangeId", in.rangeId()).param("rangeName", rangeName).param("style", name(in.style()))
                .param("finish", name(in.finish())).param("price", pence, java.sql.Types.BIGINT)
                .param("status", in.statusOrDraft().name()).param("metaTitle", in.metaTitle())
                .param("metaDescription", in.metaDescription()).param("featured", Boolean.TRUE.equals(in.featured()))
                .param("sortOrder", in.sortOrder() == null ? 0 : in.sortOrder()).param("leadTimeDays", in.leadTimeDays())
                .param("actor", actor).param("now", java.sql.Timestamp.from(now)).update();
    }

    void recordPrice(UUID productId, PriceChange change, UUID actor, Instant at) {
        jdbc.sql("""
                        INSERT INTO price_history (id, product_id, old_price, new_price, change_percentage, price_type,
                               changed_by, changed_at, effective_date) VALUES (?, ?, ?, ?, ?, 'BASE', ?, ?, ?)""")
                .params(UUID.randomUUID(), productId, change.previous() == null ? null : change.previous().pence(),
                        change.next().pence(), change.percentage(), actor == null ? "system" : actor.toString(),
                        java.sql.Timestamp.from(at), java.sql.Timestamp.from(at)).update();
    }

    void replaceImages(UUID productId, List<ProductInput.ImageInput> images) {
        jdbc.sql("DELETE FROM product_images WHERE product_id = ?").param(productId).update();
        int position = 0;
        for (ProductInput.ImageInput image : images) {
            jdbc.sql("INSERT INTO product_images (id, product_id, url, alt_text, sort_order) VALUES (?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), productId, image.url(), image.altText(),
                            image.order() == null ? position : image.order()).update();
            position++;
        }
    }

    void replaceColours(UUID productId, List<UUID> colourIds) {
        jdbc.sql("DELETE FROM product_colours WHERE product_id = ?").param(productId).update();
        for (UUID colourId : new java.util.LinkedHashSet<>(colourIds)) {
            jdbc.sql("INSERT INTO product_colours (id, product_id, colour_id) VALUES (?, ?, ?)")
                    .params(UUID.randomUUID(), productId, colourId).update();
        }
    }

    /**
     * Sizes are matched by title so that a PATCH keeps the variant ids (and their stock) of unchanged sizes;
     * sizes that disappear lose their variant (and its stock row) only when that stock has no reservations or
     * movements, which must stay traceable. Returns the ids of the variants that were removed.
     */
    List<UUID> replaceSizes(UUID productId, List<ProductInput.SizeInput> sizes) {
        List<UUID> kept = new java.util.ArrayList<>();
        int position = 0;
        for (ProductInput.SizeInput size : sizes) {
            int order = size.order() == null ? position++ : size.order();
            Optional<UUID> existing = jdbc.sql("SELECT id FROM product_sizes WHERE product_id = ? AND title = ? AND NOT (id = ANY(?))")
                    .params(productId, size.title(), kept.toArray(UUID[]::new)).query(UUID.class).optional();
            UUID id = existing.orElseGet(UUID::randomUUID);
            if (existing.isPresent()) {
                jdbc.sql("""
                                UPDATE product_sizes SET description = ?, image = ?, width = ?, height = ?, depth = ?,
                                       unit = ?, sku = ?, size_id = ?, sort_order = ?, updated_at = now() WHERE id = ?""")
                        .params(size.description(), size.image(), size.width(), size.height(), size.depth(),
                                size.unit() == null ? "mm" : size.unit(), size.sku(), size.sizeId(), order, id).update();
            } else {
                jdbc.sql("""
                                INSERT INTO product_sizes (id, product_id, size_id, title, description, image, width, height,
                                       depth, unit, sku, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, productId, size.sizeId(), size.title(), size.description(), size.image(), size.width(),
                                size.height(), size.depth(), size.unit() == null ? "mm" : size.unit(), size.sku(), order)
                        .update();
            }
            kept.add(id);
        }
        List<UUID> removed = jdbc.sql("""
                        SELECT s.id FROM product_sizes s WHERE s.product_id = ? AND NOT (s.id = ANY(?))
                           AND NOT EXISTS (SELECT 1 FROM inventory i WHERE i.variant_id = s.id
                                 AND (EXISTS (SELECT 1 FROM inventory_reservations r WHERE r.inventory_id = i.id)
                                      OR EXISTS (SELECT 1 FROM inventory_movements m WHERE m.inventory_id = i.id)))""")
                .params(productId, kept.toArray(UUID[]::new)).query(UUID.class).list();
        if (!removed.isEmpty()) {
            jdbc.sql("DELETE FROM inventory WHERE variant_id IN (:ids)").param("ids", removed).update();
            jdbc.sql("DELETE FROM product_sizes WHERE id IN (:ids)").param("ids", removed).update();
        }
        return removed;
    }

    /** Every purchasable variant (or the product itself when it has no sizes) gets a stock row, quantity 0. */
    void ensureInventory(UUID productId) {
        jdbc.sql("""
                        INSERT INTO inventory (id, product_id, variant_id, sku)
                        SELECT gen_random_uuid(), s.product_id, s.id, s.sku FROM product_sizes s WHERE s.product_id = :p
                        ON CONFLICT DO NOTHING""").param("p", productId).update();
        jdbc.sql("""
                        INSERT INTO inventory (id, product_id, variant_id)
                        SELECT gen_random_uuid(), :p, NULL
                         WHERE NOT EXISTS (SELECT 1 FROM product_sizes WHERE product_id = :p)
                        ON CONFLICT DO NOTHING""").param("p", productId).update();
    }

    /** Title, description, range name and colour names, weighted title first (spec 20 searchVector). */
    void refreshSearchVector(UUID productId) {
        jdbc.sql(SearchVectors.UPDATE_WHERE + "p.id = ?").param(productId).update();
    }

    void setFeatured(UUID id, boolean featured, UUID actor, Instant now) {
        jdbc.sql("UPDATE products SET featured = ?, updated_by = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(featured, actor, java.sql.Timestamp.from(now), id).update();
    }

    void softDelete(UUID id, UUID actor, Instant now) {
        jdbc.sql("""
                        UPDATE products SET deleted_at = ?, status = 'ARCHIVED', updated_by = ?, updated_at = ?,
                               version = version + 1 WHERE id = ?""")
                .params(java.sql.Timestamp.from(now), actor, java.sql.Timestamp.from(now), id).update();
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
