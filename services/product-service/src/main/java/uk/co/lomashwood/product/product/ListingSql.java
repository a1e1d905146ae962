package uk.co.lomashwood.product.product;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The WHERE clause and parameters of a {@link ListingQuery}; values are always bound, never inlined. */
record ListingSql(String where, Map<String, Object> params) {

    static ListingSql of(ListingQuery query) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        clauses.add("p.deleted_at IS NULL");
        if (query.status() != null) {
            clauses.add("p.status = :status");
            params.put("status", query.status().name());
        }
        if (query.category() != null) {
            clauses.add("p.category = :category");
            params.put("category", query.category().name());
        }
        if (query.categoryId() != null) {
            clauses.add("p.category_id = :categoryId");
            params.put("categoryId", query.categoryId());
        }
        if (!query.colours().isEmpty()) {
            clauses.add("EXISTS (SELECT 1 FROM product_colours pc WHERE pc.product_id = p.id AND pc.colour_id IN (:colours))");
            params.put("colours", List.copyOf(query.colours()));
        }
        if (!query.styles().isEmpty()) {
            clauses.add("p.style IN (:styles)");
            params.put("styles", query.styles().stream().map(Enum::name).toList());
        }
        if (!query.finishes().isEmpty()) {
            clauses.add("p.finish IN (:finishes)");
            params.put("finishes", query.finishes().stream().map(Enum::name).toList());
        }
        if (!query.ranges().isEmpty()) {
            clauses.add("p.range_id IN (:ranges)");
            params.put("ranges", List.copyOf(query.ranges()));
        }
        if (query.minPrice() != null) {
            clauses.add("p.effective_price >= :minPrice");
            params.put("minPrice", query.minPrice().pence());
        }
        if (query.maxPrice() != null) {
            clauses.add("p.effective_price <= :maxPrice");
            params.put("maxPrice", query.maxPrice().pence());
        }
        if (query.featured() != null) {
            clauses.add("p.featured = :featured");
            params.put("featured", query.featured());
        }
        if (query.q() != null) {
            // full text first; trigram word similarity catches short or misspelt terms
            clauses.add("(p.search_vector @@ plainto_tsquery('english', :q) OR :q <% p.title)");
            params.put("q", query.q());
        }
        return new ListingSql(String.join(" AND ", clauses), params);
    }
}
