package uk.co.lomashwood.product.taxonomy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.co.lomashwood.product.catalogue.ProductCategory;

import java.util.UUID;

/** POST /v1/categories, also the shape a PATCH is merged onto. */
public record CategoryInput(@NotBlank @Size(max = 100) String name,
                            @NotBlank @Size(max = 100) @Pattern(regexp = "^[a-z0-9-]+$") String slug,
                            @Size(max = 1000) String description,
                            @NotNull ProductCategory type,
                            @Size(max = 2048) @Pattern(regexp = "^https?://\\S+$") String image,
                            @Size(max = 2048) @Pattern(regexp = "^https?://\\S+$") String icon,
                            UUID parentId,
                            @Min(0) @Max(9999) Integer order,
                            Boolean isActive,
                            Boolean isFeatured,
                            @Size(max = 70) String metaTitle,
                            @Size(max = 160) String metaDescription,
                            @Size(max = 500) String metaKeywords) {
}
