package uk.co.lomashwood.product.catalogue;

/** The searchVector of spec 20 §1.2: title, range name and colour names, then description. */
public final class SearchVectors {

    /** The vector of the products row {@code p}, computed from its current title, range name and colours. */
    public static final String OF_PRODUCT = """
            setweight(to_tsvector('english', p.title), 'A')
                || setweight(to_tsvector('english', coalesce(p.range_name, '')), 'B')
                || setweight(to_tsvector('english', coalesce((SELECT string_agg(c.name, ' ')
                         FROM product_colours pc JOIN colours c ON c.id = pc.colour_id
                        WHERE pc.product_id = p.id), '')), 'B')
                || setweight(to_tsvector('english', p.description), 'C')""";

    /** Append a condition on {@code p} (e.g. {@code p.id = ?}). */
    public static final String UPDATE_WHERE = "UPDATE products p SET search_vector = " + OF_PRODUCT + " WHERE ";

    private SearchVectors() {
    }
}
