package uk.co.lomashwood.product.offer;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.co.lomashwood.product.catalogue.Scope;

import java.math.BigDecimal;
import java.util.List;

/** POST /v1/packages (spec 20 §1.3), also the shape a PATCH is merged onto; price in pounds, ex-VAT. */
public record PackageInput(
        @NotBlank @Size(max = 255) String title,
        @NotBlank @Size(max = 255) @Pattern(regexp = "^[a-z0-9-]+$") String slug,
        @NotBlank @Size(max = 5000) String description,
        @NotBlank @Size(max = 2048) @Pattern(regexp = "^https?://\\S+$") String image,
        @DecimalMin("0.01") @DecimalMax("1000000.00") @Digits(integer = 7, fraction = 2) BigDecimal price,
        Scope category,
        @Size(max = 20) List<@NotNull @Size(max = 200) String> features,
        Boolean active,
        @Min(0) @Max(1_000_000) Integer sortOrder) {
}
