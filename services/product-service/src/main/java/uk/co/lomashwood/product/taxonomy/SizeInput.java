package uk.co.lomashwood.product.taxonomy;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import uk.co.lomashwood.product.catalogue.Scope;

import java.math.BigDecimal;
import java.util.Map;

/** POST /v1/sizes (spec 20 §1.3 Sizes), also the shape a PATCH is merged onto. */
public record SizeInput(@NotBlank @jakarta.validation.constraints.Size(max = 100) String name,
                        @jakarta.validation.constraints.Size(max = 200) String title,
                        @jakarta.validation.constraints.Size(max = 1000) String description,
                        @jakarta.validation.constraints.Size(max = 2048) @Pattern(regexp = "^https?://\\S+$") String image,
                        @DecimalMin("0.01") @DecimalMax("99999999.99") @Digits(integer = 8, fraction = 2) BigDecimal width,
                        @DecimalMin("0.01") @DecimalMax("99999999.99") @Digits(integer = 8, fraction = 2) BigDecimal height,
                        @DecimalMin("0.01") @DecimalMax("99999999.99") @Digits(integer = 8, fraction = 2) BigDecimal depth,
                        @Pattern(regexp = "^(mm|cm|inch|feet)$") String unit,
                        Scope category,
                        Boolean isActive,
                        @Min(0) @Max(1_000_000) Integer sortOrder,
                        @jakarta.validation.constraints.Size(max = 50) Map<String, Object> metadata) {

    String trimmedName() {
        return name.trim();
    }
}
