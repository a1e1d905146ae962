package uk.co.lomashwood.product.product;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.product.catalogue.Availability;
import uk.co.lomashwood.product.catalogue.FinishType;
import uk.co.lomashwood.product.catalogue.ProductCategory;
import uk.co.lomashwood.product.catalogue.ProductStatus;
import uk.co.lomashwood.product.catalogue.StyleType;
import uk.co.lomashwood.product.catalogue.Vat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Read side of the catalogue: product cards for lists in one statement each. */
@Repository
public class ProductQueries {

    /** The card columns; colours are aggregated as JSON and the availability as the best inventory state. */
    static final String CARD_COLUMNS = """
            p.id, p.slug, p.title, p.category, p.range_id, p.range_name, p.style, p.finish,
            coalesce(p.list_price, p.price) AS price,
            p.effective_price, p.featured, p.status, p.created_at,
            (SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'hexCode', c.hex_code)
                             ORDER BY c.sort_order, c.name)
               FROM product_colours pc JOIN colours c ON c.id = pc.colour_id
              WHERE pc.product_id = p.id AND c.deleted_at IS NULL) AS colours_json,
            (SELECT min(CASE inv.status WHEN 'IN_STOCK' THEN 0 WHEN 'LOW_STOCK' THEN 1 ELSE 2 END)
               FROM inventory inv WHERE inv.product_id = p.id AND inv.deleted_at IS NULL) AS availability_rank,
            img.url AS image_url, img.alt_text AS image_alt""";
    static final String PRIMARY_IMAGE = """
            LEFT JOIN LATERAL (SELECT i.url, i.alt_text FROM product_images i WHERE i.product_id = p.id
                                ORDER BY i.sort_order, i.id LIMIT 1) img ON true""";
    private static final TypeReference<List<ProductCard.ColourRef>> COLOURS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public ProductQueries(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A card with the raw values of its sort keys, from which the next cursor is made. */
    record Row(ProductCard card, List<Object> sortValues) {
    }

    /**
     * The statements behind one list page, with named parameters: the exact SQL the service runs, also
     * used by the benchmark harness to load the database with the same query.
     */
    public record Statements(String pageSql, String countSql, Map<String, Object> params) {
    }

    public static Statements statements(ListingQuery query, boolean seek) {
        ListingSql filter = ListingSql.of(query);
        StringBuilder keys = new StringBuilder();
        List<ListingSort.Key> sortKeys = query.sort().keys();
        for (int i = 0; i < sortKeys.size(); i++) {
            keys.append(", ").append(sortKeys.get(i).expression()).append(" AS k").append(i);
        }
        String where = filter.where() + (seek ? " AND " + query.sort().seek() : "");
        return new Statements("SELECT " + CARD_COLUMNS + keys + " FROM products p " + PRIMARY_IMAGE + " WHERE " + where
                + " ORDER BY " + query.sort().orderBy() + " LIMIT :fetch OFFSET :offset",
                "SELECT count(*) FROM products p WHERE " + filter.where(), filter.params());
    }

    List<Row> page(ListingQuery query, CursorSeek seek, long offset, int fetch, boolean admin) {
        Statements statements = statements(query, seek != null);
        List<ListingSort.Key> sortKeys = query.sort().keys();
        JdbcClient.StatementSpec statement = jdbc.sql(statements.pageSql()).params(statements.params())
                .param("fetch", fetch).param("offset", offset);
        if (seek != null) {
            statement = statement.params(seek.params());
        }
        return statement.query((rs, n) -> {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < sortKeys.size(); i++) {
                values.add(switch (sortKeys.get(i).kind()) {
                    case TIME -> rs.getTimestamp("k" + i).toInstant();
                    case LONG -> rs.getLong("k" + i);
                    case TEXT -> rs.getString("k" + i);
                });
            }
            return new Row(card(rs, admin), values);
        }).list();
    }

    long count(ListingQuery query) {
        Statements statements = statements(query, false);
        return jdbc.sql(statements.countSql()).params(statements.params()).query(Long.class).single();
    }

    /** Cards by id in the given order of ids; unknown or deleted ids are skipped. */
    public List<ProductCard> cards(Collection<UUID> ids, boolean publishedOnly) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<ProductCard> found = jdbc.sql("SELECT " + CARD_COLUMNS + " FROM products p " + PRIMARY_IMAGE
                        + " WHERE p.id IN (:ids) AND p.deleted_at IS NULL"
                        + (publishedOnly ? " AND p.status = 'PUBLISHED'" : ""))
                .param("ids", List.copyOf(ids)).query((rs, n) -> card(rs, !publishedOnly)).list();
        Map<UUID, ProductCard> byId = new java.util.HashMap<>();
        found.forEach(c -> byId.put(c.id(), c));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    ProductCard card(ResultSet rs, boolean admin) throws SQLException {
        Money price = pence(rs, "price");
        Money effective = pence(rs, "effective_price");
        boolean onSale = price != null && effective != null && effective.compareTo(price) < 0;
        Money salePrice = onSale ? effective : null;
        String coloursJson = rs.getString("colours_json");
        List<ProductCard.ColourRef> colours = coloursJson == null ? List.of() : json.readValue(coloursJson, COLOURS);
        String imageUrl = rs.getString("image_url");
        return new ProductCard(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title"),
                ProductCategory.valueOf(rs.getString("category")), rs.getObject("range_id", UUID.class),
                rs.getString("range_name"), enumOrNull(StyleType.class, rs.getString("style")),
                enumOrNull(FinishType.class, rs.getString("finish")), price, Vat.incVat(price), salePrice,
                Vat.incVat(salePrice), onSale, Money.CURRENCY,
                imageUrl == null ? null : new ProductCard.ImageRef(imageUrl, rs.getString("image_alt")),
                colours, colours.size(), availability(rs.getObject("availability_rank", Integer.class)),
                rs.getBoolean("featured"), rs.getTimestamp("created_at").toInstant(),
                admin ? ProductStatus.valueOf(rs.getString("status")) : null);
    }

    static Availability availability(Integer rank) {
        if (rank == null) {
            return Availability.OUT_OF_STOCK;
        }
        return Availability.values()[rank];
    }

    static Money pence(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Money.ofPence(value);
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
