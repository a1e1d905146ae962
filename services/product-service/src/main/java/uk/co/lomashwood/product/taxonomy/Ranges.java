package uk.co.lomashwood.product.taxonomy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import uk.co.lomashwood.product.catalogue.ProductCategory;

import java.util.List;
import java.util.UUID;

/** Product ranges (ours): the public list with live product counts. */
@Service
public class Ranges {

    public record Range(UUID id, String name, String slug, ProductCategory category, String description, String image,
                        long productCount) {
    }

    private final JdbcClient jdbc;

    public Ranges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Range> active(ProductCategory category) {
        return jdbc.sql("""
                        SELECT r.*, (SELECT count(*) FROM products p WHERE p.range_id = r.id AND p.deleted_at IS NULL
                                        AND p.status = 'PUBLISHED') AS product_count
                          FROM ranges r
                         WHERE r.deleted_at IS NULL AND r.is_active
                           AND (CAST(:category AS varchar) IS NULL OR r.category = :category)
                         ORDER BY r.sort_order, r.name""")
                .param("category", category == null ? null : category.name())
                .query((rs, n) -> new Range(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("slug"),
                        ProductCategory.valueOf(rs.getString("category")), rs.getString("description"),
                        rs.getString("image"), rs.getLong("product_count"))).list();
    }
}
