package uk.co.lomashwood.order.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/**
 * A delivery or billing address (spec 20 §2.2, platform §3.7): the postcode is stored upper-case with one space
 * before the inward code, and only GB is delivered to in v1.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Address(@NotBlank @Size(max = 255) String fullName,
                      @NotBlank @Size(min = 5, max = 255) String addressLine1,
                      @Size(max = 255) String addressLine2,
                      @NotBlank @Size(min = 2, max = 100) String city,
                      @Size(max = 100) String county,
                      @NotNull @Pattern(regexp = "^[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}$", message = "must be a UK postcode")
                      String postcode,
                      @NotNull @Pattern(regexp = "GB", message = "only GB addresses are accepted") String country,
                      @Size(max = 20) String phone) {

    public Address {
        fullName = trim(fullName);
        addressLine1 = trim(addressLine1);
        addressLine2 = trim(addressLine2);
        city = trim(city);
        county = trim(county);
        postcode = normalisePostcode(postcode);
        country = country == null ? null : country.trim().toUpperCase(Locale.ROOT);
        phone = trim(phone);
    }

    /** {@code sw1a1aa} → {@code SW1A 1AA}; anything too short is left for the pattern to refuse. */
    static String normalisePostcode(String raw) {
        if (raw == null) {
            return null;
        }
        String compact = raw.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (compact.length() < 5 || compact.length() > 7) {
            return raw.trim().toUpperCase(Locale.ROOT);
        }
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
