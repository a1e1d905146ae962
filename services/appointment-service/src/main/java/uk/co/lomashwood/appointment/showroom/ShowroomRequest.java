package uk.co.lomashwood.appointment.showroom;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/** POST /v1/showrooms (admin). */
public record ShowroomRequest(
        @NotBlank @Size(min = 2, max = 150) String name,
        @Size(min = 2, max = 160) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String slug,
        @NotBlank @Size(min = 5, max = 500) String address,
        @NotBlank @Size(min = 2, max = 100) String city,
        @NotBlank @Size(min = 3, max = 10) @Pattern(regexp = "(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}") String postcode,
        @Size(min = 2, max = 60) String country,
        @NotBlank @Email @Size(max = 255) String email,
        @NotBlank @Size(min = 7, max = 20) String phone,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Size(max = 2000) @Pattern(regexp = "https?://.+") String mapLink,
        @Size(max = 2000) @Pattern(regexp = "https?://.+") String imageUrl,
        @Size(max = 20) List<@NotBlank @Size(max = 2000) String> galleryUrls,
        @NotNull @Valid Map<String, OpeningHours.Day> openingHours,
        @Min(1) @Max(50) Integer capacity,
        Boolean isActive) {
}
