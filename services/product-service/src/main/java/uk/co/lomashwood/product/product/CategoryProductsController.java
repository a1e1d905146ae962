package uk.co.lomashwood.product.product;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.product.taxonomy.Categories;
import uk.co.lomashwood.product.taxonomy.Category;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** GET /v1/categories/{id}/products: published cards of one category, offset-paged, category in meta. */
@RestController
public class CategoryProductsController {

    private final Categories categories;
    private final ProductListing listing;

    public CategoryProductsController(Categories categories, ProductListing listing) {
        this.categories = categories;
        this.listing = listing;
    }

    @GetMapping("/v1/categories/{id}/products")
    public ApiResponse<List<ProductCard>> products(@PathVariable UUID id, @RequestParam(required = false) Integer page,
                                                   @RequestParam(required = false) Integer limit,
                                                   @RequestParam(required = false) String sort) {
        Category category = categories.get(id, false);
        PageRequest request = PageRequest.of(page, limit);
        OffsetPage<ProductCard> cards = listing.categoryPage(id, ListingSort.parse(sort), request);
        ApiResponse<List<ProductCard>> body = ApiResponse.offset(cards);
        return new ApiResponse<>(body.data(), body.pagination(), Map.of("category", category));
    }
}
