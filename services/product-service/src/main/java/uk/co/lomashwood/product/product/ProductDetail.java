package uk.co.lomashwood.product.product;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import uk.co.lomashwood.platform.core.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The product detail of spec 20 §1.3 (FR3.1): the card plus everything the detail page shows. */
public record ProductDetail(@JsonUnwrapped ProductCard card, String description, UUID categoryId,
                            List<Image> images, List<Size> sizes, List<Object> sales, Pricing pricing, Seo seo,
                            Integer leadTimeDays, boolean isActive, Instant updatedAt,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Integer viewCount,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Integer sortOrder,
                            @JsonIgnore int version) {

    public record Image(UUID id, String url, String altText, int order) {
    }

    public record Size(UUID id, String title, String description, String image, BigDecimal width, BigDecimal height,
                       BigDecimal depth, String unit, String sku, int order, Money price, Money priceIncVat) {
    }

    public record Pricing(String pricingType, Money basePrice, Money salePrice, Money minPrice, Money maxPrice,
                          BigDecimal taxRate, Instant saleEndDate) {
    }

    public record Seo(String metaTitle, String metaDescription) {
    }

    public String etag() {
        return "\"" + version + "\"";
    }
}
