package uk.co.lomashwood.product.catalogue;

/** The searchVector of spec 20 §1.2: title, range name and colour names, then description. */
public final class SearchVectors {

    /** Append a condition on {@code p} (e.g. {@code p.id = ?}). */
    public static final String UPDATE_WHERE = """
            UPDATE products p SET search_vector =
                   setweight(to_tsvector('english', p.title), 'A')
                || setweight(to_tsvector('english', coalesce(p.range_name, '')), 'B')
                || setweight(to_tsvector('english', coalesce((SELECT string_agg(c.name, ' ')
                         FROM product_colours pc JOIN colours c ON c.id = pc.colour_id
                        WHERE pc.product_id = p.id), '')), 'B')
                || setweight(to_tsvector('english', p.description), 'C')
             WHERE\s""";

    private SearchVectors() {
    }
}
