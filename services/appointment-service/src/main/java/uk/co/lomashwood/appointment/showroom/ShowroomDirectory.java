package uk.co.lomashwood.appointment.showroom;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.appointment.common.London;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Reading and registering showrooms (FR6.0–FR6.2). */
@Service
public class ShowroomDirectory {

    private final Showrooms showrooms;
    private final OutboxPublisher outbox;
    private final Clock clock;

    public ShowroomDirectory(Showrooms showrooms, OutboxPublisher outbox, Clock clock) {
        this.showrooms = showrooms;
        this.outbox = outbox;
        this.clock = clock;
    }

    public ShowroomView view(String idOrSlug, boolean admin) {
        Showroom showroom = showrooms.findByIdOrSlug(idOrSlug).filter(s -> admin || s.isActive())
                .orElseThrow(() -> new ApiException(ErrorCode.SHOWROOM_NOT_FOUND, "No showroom with that id or slug."));
        return view(showroom, admin);
    }

    public ShowroomView view(Showroom showroom, boolean admin) {
        return ShowroomView.of(showroom, admin, admin ? showrooms.upcomingClosures(showroom.id(), London.today(clock)) : List.of());
    }

    @Transactional
    public ShowroomView create(ShowroomRequest r) {
        String slug = r.slug() != null ? r.slug() : slugOf(r.name());
        if (showrooms.slugTaken(slug)) {
            throw new ApiException(ErrorCode.SLUG_ALREADY_EXISTS, "Another showroom already uses the slug " + slug + ".");
        }
        OpeningHours hours = new OpeningHours(r.openingHours()).validated();
        Showroom showroom = new Showroom(UUID.randomUUID(), r.name().trim(), slug, r.address().trim(), r.city().trim(),
                Postcodes.normalise(r.postcode()), r.country() == null ? "United Kingdom" : r.country(),
                r.email().trim().toLowerCase(Locale.ROOT), r.phone().trim(), r.latitude(), r.longitude(), r.mapLink(),
                r.imageUrl(), r.galleryUrls() == null ? List.of() : r.galleryUrls(), hours, London.TIMEZONE,
                r.capacity() == null ? 5 : r.capacity(), r.isActive() == null || r.isActive());
        showrooms.insert(showroom);
        outbox.publish("appointment.showroom.updated", showroom.id().toString(), Map.of("showroomId", showroom.id(),
                "slug", slug, "isActive", showroom.isActive(), "deleted", false, "changedFields", List.of()));
        return view(showroom, true);
    }

    static String slugOf(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
