package uk.co.lomashwood.appointment.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import uk.co.lomashwood.appointment.showroom.Postcodes;
import uk.co.lomashwood.platform.core.error.ValidationException;

import java.util.Locale;

/** Step 3 (FR5.3): who the consultation is for. Also the {@code customerDetails} object of the events. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CustomerDetails(
        @NotBlank @Size(min = 2, max = 100) String name,
        @NotBlank @Email @Size(max = 255) String email,
        @NotBlank @Size(min = 7, max = 20) String phone,
        @NotBlank @Size(min = 3, max = 10) String postcode,
        @Size(min = 5, max = 500) String address) {

    /** Trimmed name and address, lower-case email, E.164 phone and a formatted postcode; 400 when they do not parse. */
    public CustomerDetails normalised() {
        String postcodeValue;
        try {
            postcodeValue = Postcodes.normalise(postcode);
        } catch (ValidationException e) {
            throw ValidationException.of("customerDetails.postcode", "must be a UK postcode");
        }
        return new CustomerDetails(name.trim(), email.trim().toLowerCase(Locale.ROOT), ukPhone(phone), postcodeValue,
                address == null || address.isBlank() ? null : address.trim());
    }

    static String ukPhone(String raw) {
        String digits = raw.replaceAll("[\\s().-]", "");
        if (digits.startsWith("+44")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0044")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("0")) {
            digits = digits.substring(1);
        } else {
            throw ValidationException.of("customerDetails.phone", "must be a UK phone number");
        }
        if (digits.startsWith("0")) {
            digits = digits.substring(1);
        }
        if (!digits.matches("[1-9][0-9]{8,9}")) {
            throw ValidationException.of("customerDetails.phone", "must be a UK phone number");
        }
        return "+44" + digits;
    }
}
