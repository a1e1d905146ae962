package uk.co.lomashwood.appointment.showroom;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** PATCH /v1/showrooms/{id}: absent fields stay as they are. */
public record ShowroomPatch(
        @Size(min = 2, max = 150) String name,
        @Size(min = 5, max = 500) String address,
        @Size(min = 2, max = 100) String city,
        @Size(min = 3, max = 10) String postcode,
        @Email @Size(max = 255) String email,
        @Size(min = 7, max = 20) String phone,
        @Size(max = 2000) @Pattern(regexp = "https?://.+") String mapLink,
        @Size(max = 2000) @Pattern(regexp = "https?://.+") String imageUrl,
        @Size(max = 20) List<@Size(max = 2000) String> galleryUrls,
        @Valid Map<String, OpeningHours.Day> openingHours,
        @Min(1) @Max(50) Integer capacity,
        Boolean isActive) {

    Showroom over(Showroom s) {
        return new Showroom(s.id(), name != null ? name.trim() : s.name(), s.slug(), address != null ? address.trim() : s.address(),
                city != null ? city.trim() : s.city(), postcode != null ? Postcodes.normalise(postcode) : s.postcode(),
                s.country(), email != null ? email.trim().toLowerCase(Locale.ROOT) : s.email(),
                phone != null ? phone.trim() : s.phone(), s.latitude(), s.longitude(),
                mapLink != null ? mapLink : s.mapLink(), imageUrl != null ? imageUrl : s.imageUrl(),
                galleryUrls != null ? galleryUrls : s.galleryUrls(),
                openingHours != null ? new OpeningHours(openingHours).validated() : s.openingHours(), s.timezone(),
                capacity != null ? capacity : s.capacity(), isActive != null ? isActive : s.isActive());
    }

    boolean changesSchedule() {
        return openingHours != null || isActive != null;
    }
}
