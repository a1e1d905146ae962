package uk.co.lomashwood.product.taxonomy;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.product.catalogue.Enums;
import uk.co.lomashwood.product.catalogue.ProductCategory;

import java.util.List;

/** GET /v1/ranges (ours). */
@RestController
public class RangeController {

    private final Ranges ranges;

    public RangeController(Ranges ranges) {
        this.ranges = ranges;
    }

    @GetMapping("/v1/ranges")
    public ApiResponse<List<Ranges.Range>> list(@RequestParam(required = false) String category) {
        return ApiResponse.list(ranges.active(category == null || category.isBlank() ? null
                : Enums.parse(ProductCategory.class, category, "category")));
    }
}
