package uk.co.lomashwood.product.cache;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.web.cdn.CdnInvalidator;

import java.util.ArrayList;
import java.util.List;

/** The CloudFront paths a catalogue change makes stale (spec 20 §1.7); the invalidator coalesces them. */
@Component
public class CdnPaths {

    private final ObjectProvider<CdnInvalidator> invalidator;

    public CdnPaths(ObjectProvider<CdnInvalidator> invalidator) {
        this.invalidator = invalidator;
    }

    public void productChanged(Object productId, String... slugs) {
        List<String> paths = new ArrayList<>(List.of("/v1/products/" + productId, "/v1/products*"));
        for (String slug : slugs) {
            if (slug != null) {
                paths.add("/v1/products/slug/" + slug);
            }
        }
        invalidator.ifAvailable(cdn -> cdn.invalidate(paths));
    }

    /** A sale write: every sales page; the products it covers go with their repricing ({@code productChanged}). */
    public void salesChanged() {
        invalidator.ifAvailable(cdn -> cdn.invalidate(List.of("/v1/sales*")));
    }

    public void taxonomyChanged(String prefix) {
        invalidator.ifAvailable(cdn -> cdn.invalidate(List.of("/v1/" + prefix + "*", "/v1/products*")));
    }
}
