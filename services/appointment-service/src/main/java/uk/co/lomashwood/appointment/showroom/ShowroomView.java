package uk.co.lomashwood.appointment.showroom;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Showroom JSON (spec 30 §1.3); {@code isActive}, {@code capacity} and {@code closures} only for admins. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShowroomView(UUID id, String name, String slug, String address, String city, String postcode,
                           String country, String imageUrl, List<String> galleryUrls, String email, String phone,
                           Map<String, OpeningHours.Day> openingHours, String openingHoursText, String mapLink,
                           Double latitude, Double longitude, String timezone, Boolean isActive, Integer capacity,
                           List<Closure> closures) {

    public record Closure(LocalDate date, String reason) {
    }

    static ShowroomView of(Showroom s, boolean admin, List<Closure> closures) {
        return new ShowroomView(s.id(), s.name(), s.slug(), s.address(), s.city(), s.postcode(), s.country(),
                s.imageUrl(), s.galleryUrls(), s.email(), s.phone(), s.openingHours().days(), s.openingHours().text(),
                s.mapLink(), s.latitude(), s.longitude(), s.timezone(), admin ? s.isActive() : null,
                admin ? s.capacity() : null, admin ? closures : null);
    }
}
