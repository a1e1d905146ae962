package uk.co.lomashwood.product.product;

import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.platform.core.page.CursorPage;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.product.cache.CatalogueCache;

import java.util.List;
import java.util.UUID;
import uk.co.lomashwood.platform.core.page.PageRequest;

/**
 * Public and admin product lists: keyset pages for infinite scroll (limit + 1 rows, total on the
 * first page only), offset pages for admin tables. Public answers are cached as finished JSON.
 */
@Service
public class ProductListing {

    private final ProductQueries queries;
    private final CatalogueCache cache;
    private final ObjectMapper json;

    public ProductListing(ProductQueries queries, CatalogueCache cache, ObjectMapper json) {
        this.queries = queries;
        this.cache = cache;
        this.json = json;
    }

    /** The response body of GET /v1/products as JSON text. */
    public String list(ListingQuery query, boolean admin) {
        if (admin) {
            return json.writeValueAsString(answer(query, true));
        }
        return cache.getOrLoad(cache.listKey("list", query.cacheKey()), CatalogueCache.LIST_TTL,
                () -> json.writeValueAsString(answer(query, false)));
    }

    /** Cards of a short fixed list (featured, popular), cached under {@code kind}. */
    public String cards(String kind, ListingQuery query) {
        return cache.getOrLoad(cache.listKey(kind, String.valueOf(query.category()) + ":" + query.limit()),
                CatalogueCache.FEATURED_TTL, () -> json.writeValueAsString(ApiResponse.list(
                        queries.page(query, null, 0, query.limit(), false).stream().map(ProductQueries.Row::card)
                                .toList())));
    }

    public OffsetPage<ProductCard> categoryPage(UUID categoryId, ListingSort sort, PageRequest request) {
        ListingQuery query = ListingQuery.of(null, sort, request.limit(), null).inCategory(categoryId, request.page());
        return offsetPage(query);
    }

    private OffsetPage<ProductCard> offsetPage(ListingQuery query, boolean admin) {
        long offset = (long) (query.page() - 1) * query.limit();
        List<ProductCard> cards = queries.page(query, null, offset, query.limit(), admin).stream()
                .map(ProductQueries.Row::card).toList();
        return new OffsetPage<>(cards, query.page(), query.limit(), queries.count(query));
    }

    private OffsetPage<ProductCard> offsetPage(ListingQuery query) {
        return offsetPage(query, false);
    }

    private ApiResponse<List<ProductCard>> answer(ListingQuery query, boolean admin) {
        if (query.page() != null) {
            return ApiResponse.offset(offsetPage(query, admin));
        }
        CursorSeek seek = query.cursor() == null ? null : CursorSeek.decode(query);
        List<ProductQueries.Row> rows = queries.page(query, seek, 0, query.limit() + 1, admin);
        Long total = query.firstPage() ? queries.count(query) : null;
        CursorPage<ProductQueries.Row> page = CursorPage.fromOverfetch(rows, query.limit(),
                last -> CursorSeek.encode(query, last), total);
        return ApiResponse.cursor(new CursorPage<>(page.items().stream().map(ProductQueries.Row::card).toList(),
                page.nextCursor(), page.limit(), page.total()));
    }
}
