package uk.co.lomashwood.product.product;

import com.fasterxml.jackson.annotation.JsonInclude;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.product.catalogue.Availability;
import uk.co.lomashwood.product.catalogue.FinishType;
import uk.co.lomashwood.product.catalogue.ProductCategory;
import uk.co.lomashwood.product.catalogue.ProductStatus;
import uk.co.lomashwood.product.catalogue.StyleType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The product card of spec 20 §1.3 (FR2.4); {@code status} only for ADMIN callers. */
public record ProductCard(UUID id, String slug, String title, ProductCategory category, UUID rangeId,
                          String rangeName, StyleType style, FinishType finish, Money price, Money priceIncVat,
                          Money salePrice, Money salePriceIncVat, boolean onSale, String currency,
                          ImageRef primaryImage, List<ColourRef> colours, int colourCount, Availability availability,
                          boolean featured, Instant createdAt,
                          @JsonInclude(JsonInclude.Include.NON_NULL) ProductStatus status) {

    public record ImageRef(String url, String altText) {
    }

    public record ColourRef(UUID id, String name, String hexCode) {
    }
}
