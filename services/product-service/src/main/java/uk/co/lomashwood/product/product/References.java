package uk.co.lomashwood.product.product;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.util.Collection;
import java.util.HashSet;
import java.util.UUID;

/** Checks the ids a product body refers to; a missing one gets the referenced resource's code (mostly 422). */
@Component
class References {

    private final JdbcClient jdbc;

    References(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void category(UUID id) {
        if (id != null && jdbc.sql("SELECT count(*) FROM categories WHERE id = ? AND deleted_at IS NULL")
                .param(id).query(Long.class).single() == 0) {
            throw ApiException.reference(ErrorCode.CATEGORY_NOT_FOUND, "categoryId does not name a category.");
        }
    }

    /** The range's name, copied onto the product for cards and search. */
    String range(UUID id) {
        if (id == null) {
            return null;
        }
        return jdbc.sql("SELECT name FROM ranges WHERE id = ? AND deleted_at IS NULL").param(id).query(String.class)
                .optional().orElseThrow(() -> ApiException.reference(ErrorCode.RANGE_NOT_FOUND,
                        "rangeId does not name a range."));
    }

    void colours(Collection<UUID> ids) {
        HashSet<UUID> distinct = new HashSet<>(ids);
        long found = jdbc.sql("SELECT count(*) FROM colours WHERE id IN (:ids) AND deleted_at IS NULL")
                .param("ids", distinct).query(Long.class).single();
        if (found != distinct.size()) {
            throw ApiException.reference(ErrorCode.COLOUR_NOT_FOUND, "colourIds names a colour that does not exist.");
        }
    }

    /**
     * Each variant's {@code sizeId} must name a live size preset; SIZE_NOT_FOUND keeps its one catalogue status
     * (404, spec 00 §1.9), it is not one of the "404 / 422" codes.
     */
    void sizePresets(Collection<ProductInput.SizeInput> sizes) {
        HashSet<UUID> distinct = new HashSet<>();
        sizes.stream().map(ProductInput.SizeInput::sizeId).filter(java.util.Objects::nonNull).forEach(distinct::add);
        if (!distinct.isEmpty() && jdbc.sql("SELECT count(*) FROM sizes WHERE id IN (:ids) AND deleted_at IS NULL")
                .param("ids", distinct).query(Long.class).single() != distinct.size()) {
            throw ApiException.reference(ErrorCode.SIZE_NOT_FOUND, "sizes[].sizeId names a size that does not exist.");
        }
    }

    void sales(Collection<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            return;
        }
        HashSet<UUID> distinct = new HashSet<>(ids);
        if (jdbc.sql("SELECT count(*) FROM sales WHERE id IN (:ids) AND deleted_at IS NULL").param("ids", distinct)
                .query(Long.class).single() != distinct.size()) {
            throw ApiException.reference(ErrorCode.SALE_NOT_FOUND, "saleIds names a sale that does not exist.");
        }
    }
}
