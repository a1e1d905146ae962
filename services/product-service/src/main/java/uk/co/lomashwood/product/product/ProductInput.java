package uk.co.lomashwood.product.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.product.catalogue.FinishType;
import uk.co.lomashwood.product.catalogue.ProductCategory;
import uk.co.lomashwood.product.catalogue.ProductStatus;
import uk.co.lomashwood.product.catalogue.StyleType;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * ProductCreate of spec 20 §1.3, also the shape a PATCH is merged onto. Prices are pounds, ex-VAT.
 */
public record ProductInput(
        @NotBlank @Size(max = 255) String title,
        @NotBlank @Size(max = 5000) String description,
        @NotNull ProductCategory category,
        @DecimalMin(value = "0.01") @jakarta.validation.constraints.DecimalMax("1000000.00")
        @jakarta.validation.constraints.Digits(integer = 7, fraction = 2) BigDecimal price,
        UUID categoryId,
        UUID rangeId,
        ProductStatus status,
        StyleType style,
        FinishType finish,
        @Size(min = 1, max = 255) @Pattern(regexp = "^[a-z0-9-]+$") String slug,
        @Size(max = 70) String metaTitle,
        @Size(max = 160) String metaDescription,
        Boolean featured,
        @Min(0) @Max(1_000_000) Integer sortOrder,
        @Min(0) @Max(365) Integer leadTimeDays,
        @NotNull @Size(min = 1, max = 20) List<@Valid @NotNull ImageInput> images,
        @NotNull @Size(min = 1, max = 50) List<@NotNull UUID> colourIds,
        @Size(max = 20) List<@Valid @NotNull SizeInput> sizes,
        @Size(max = 10) List<@NotNull UUID> saleIds) {

    public record ImageInput(@NotBlank @Size(max = 2048) @Pattern(regexp = "^https?://\\S+$") String url,
                             @Size(max = 255) String altText,
                             @Min(0) @Max(10_000) Integer order) {
    }

    public record SizeInput(@NotBlank @Size(max = 255) String title,
                            @Size(max = 2000) String description,
                            @Size(max = 2048) @Pattern(regexp = "^https?://\\S+$") String image,
                            @DecimalMin(value = "0.01") @jakarta.validation.constraints.DecimalMax("99999999.99") BigDecimal width,
                            @DecimalMin(value = "0.01") @jakarta.validation.constraints.DecimalMax("99999999.99") BigDecimal height,
                            @DecimalMin(value = "0.01") @jakarta.validation.constraints.DecimalMax("99999999.99") BigDecimal depth,
                            @Pattern(regexp = "^(mm|cm|inch|feet)$") String unit,
                            @Size(min = 1, max = 100) String sku,
                            UUID sizeId,
                            @Min(0) @Max(10_000) Integer order) {
    }

    /** Net price in pence, or null for price on request; more than two decimals is a 400. */
    public Money netPrice() {
        return price == null ? null : Money.ofPounds(price);
    }

    public ProductStatus statusOrDraft() {
        return status == null ? ProductStatus.DRAFT : status;
    }

    public List<SizeInput> sizesOrEmpty() {
        return sizes == null ? List.of() : sizes;
    }
}
