package uk.co.lomashwood.appointment.showroom;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.appointment.common.London;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Reading and registering showrooms (FR6.0–FR6.2). */
@Service
public class ShowroomDirectory {

    private final Showrooms showrooms;
    private final OutboxPublisher outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public ShowroomDirectory(Showrooms showrooms, OutboxPublisher outbox, ApplicationEventPublisher events, Clock clock) {
        this.showrooms = showrooms;
        this.outbox = outbox;
        this.events = events;
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
        publish(showroom, false);
        return view(showroom, true);
    }

    @Transactional
    public ShowroomView update(UUID id, ShowroomPatch patch) {
        Showroom updated = patch.over(existing(id));
        showrooms.update(updated);
        publish(updated, false);
        if (patch.changesSchedule()) {
            events.publishEvent(new ShowroomScheduleChanged(id));
        }
        return view(updated, true);
    }

    @Transactional
    public void delete(UUID id) {
        Showroom showroom = existing(id);
        if (showrooms.futureActiveBookings(id, clock.instant()) > 0) {
            throw new ApiException(ErrorCode.SHOWROOM_HAS_ACTIVE_BOOKINGS, "Move or cancel this showroom's bookings first.");
        }
        showrooms.softDelete(id);
        publish(showroom, true);
        events.publishEvent(new ShowroomScheduleChanged(id));
    }

    @Transactional
    public void addClosure(UUID id, LocalDate date, String reason) {
        existing(id);
        if (date.isBefore(London.today(clock))) {
            throw uk.co.lomashwood.platform.core.error.ValidationException.of("date", "must be today or later");
        }
        if (!showrooms.addClosure(id, date, reason)) {
            throw new ApiException(ErrorCode.CLOSURE_EXISTS, "The showroom is already closed that day.");
        }
        events.publishEvent(new ShowroomScheduleChanged(id));
    }

    @Transactional
    public void removeClosure(UUID id, LocalDate date) {
        existing(id);
        if (!showrooms.removeClosure(id, date)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "The showroom has no closure that day.");
        }
        events.publishEvent(new ShowroomScheduleChanged(id));
    }

    private Showroom existing(UUID id) {
        return showrooms.find(id).orElseThrow(() -> new ApiException(ErrorCode.SHOWROOM_NOT_FOUND, "No showroom with this id."));
    }

    private void publish(Showroom s, boolean deleted) {
        outbox.publish("appointment.showroom.updated", s.id().toString(), Map.of("showroomId", s.id(), "slug", s.slug(),
                "isActive", s.isActive() && !deleted, "deleted", deleted, "changedFields", List.of()));
    }

    static String slugOf(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
