package uk.co.lomashwood.product.product;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.product.taxonomy.Sizes;

import java.util.List;
import java.util.UUID;

/** GET /v1/sizes/{id}/products: published cards whose variants were made from the preset, offset-paged. */
@RestController
public class SizeProductsController {

    private final Sizes sizes;
    private final ProductQueries queries;

    public SizeProductsController(Sizes sizes, ProductQueries queries) {
        this.sizes = sizes;
        this.queries = queries;
    }

    @GetMapping("/v1/sizes/{id}/products")
    public ApiResponse<List<ProductCard>> products(@PathVariable UUID id, @RequestParam(required = false) Integer page,
                                                   @RequestParam(required = false) Integer limit) {
        PageRequest request = PageRequest.of(page, limit);
        List<UUID> ids = sizes.productIds(id);
        List<UUID> slice = ids.subList((int) Math.min(request.offset(), ids.size()),
                (int) Math.min(request.offset() + request.limit(), ids.size()));
        return ApiResponse.offset(new OffsetPage<>(queries.cards(slice, true), request.page(), request.limit(), ids.size()));
    }
}
