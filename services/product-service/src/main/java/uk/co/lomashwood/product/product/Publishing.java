package uk.co.lomashwood.product.product;

import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.product.catalogue.ProductStatus;

/** Lifecycle rules of spec 20 §1.4.5: any status change is allowed, but PUBLISHED needs an image and a colour. */
record Publishing(ProductStatus from, ProductStatus to) {

    void check(int images, int colours) {
        if (to == ProductStatus.PUBLISHED && (images < 1 || colours < 1)) {
            throw new ApiException(ErrorCode.PRODUCT_NOT_PUBLISHABLE,
                    "A product needs at least one image and one colour before it can be published.");
        }
    }

    boolean publishes() {
        return from != ProductStatus.PUBLISHED && to == ProductStatus.PUBLISHED;
    }

    boolean unpublishes() {
        return from == ProductStatus.PUBLISHED && to != ProductStatus.PUBLISHED;
    }
}
