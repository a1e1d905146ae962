package uk.co.lomashwood.appointment.showroom;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A showroom (FR6.x) with its weekly hours; closures are held separately. */
public record Showroom(UUID id, String name, String slug, String address, String city, String postcode, String country,
                       String email, String phone, Double latitude, Double longitude, String mapLink, String imageUrl,
                       List<String> galleryUrls, OpeningHours openingHours, String timezone, int capacity,
                       boolean isActive) {

    /** Open for business on this London date: active, open that weekday and not closed that day. */
    public boolean openOn(LocalDate date, List<LocalDate> closures) {
        return isActive && openingHours.on(date.getDayOfWeek()).isPresent() && !closures.contains(date);
    }
}
