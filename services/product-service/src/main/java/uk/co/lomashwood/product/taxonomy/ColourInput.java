package uk.co.lomashwood.product.taxonomy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.co.lomashwood.product.catalogue.Scope;

import java.util.Locale;
import java.util.Map;

/** POST /v1/colours, also the shape a PATCH is merged onto. */
public record ColourInput(@NotBlank @Size(max = 100) String name,
                          @NotBlank @Pattern(regexp = "^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$") String hexCode,
                          @Size(max = 500) String description,
                          Scope category,
                          Boolean isActive,
                          @Min(0) @Max(1_000_000) Integer sortOrder,
                          @Size(max = 50) Map<String, Object> metadata) {

    /** Upper case {@code #RRGGBB}; {@code #RGB} is expanded (ours). */
    public String normalisedHex() {
        String hex = hexCode.substring(1).toUpperCase(Locale.ROOT);
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        return "#" + hex;
    }

    public String trimmedName() {
        return name.trim();
    }
}
