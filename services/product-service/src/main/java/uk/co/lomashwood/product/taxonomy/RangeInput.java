package uk.co.lomashwood.product.taxonomy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.co.lomashwood.product.catalogue.ProductCategory;

/** POST /v1/ranges, also the shape a PATCH is merged onto. */
public record RangeInput(@NotBlank @Size(max = 100) String name,
                         @NotBlank @Size(max = 100) @Pattern(regexp = "^[a-z0-9-]+$") String slug,
                         @NotNull ProductCategory category,
                         @Size(max = 2000) String description,
                         @Size(max = 2048) @Pattern(regexp = "^https?://\\S+$") String image,
                         @Min(0) @Max(9999) Integer sortOrder,
                         Boolean isActive) {
}
