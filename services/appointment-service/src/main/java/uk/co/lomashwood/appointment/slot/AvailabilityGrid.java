package uk.co.lomashwood.appointment.slot;

import org.springframework.stereotype.Service;
import uk.co.lomashwood.appointment.common.AppointmentType;
import uk.co.lomashwood.appointment.common.London;
import uk.co.lomashwood.appointment.showroom.Postcodes;
import uk.co.lomashwood.appointment.showroom.Showroom;
import uk.co.lomashwood.appointment.showroom.Showrooms;
import uk.co.lomashwood.appointment.type.AppointmentTypeView;
import uk.co.lomashwood.appointment.type.AppointmentTypes;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The slot grid of FR5.4: one entry per distinct start time, with a representative free slot chosen by exact
 * specialisation, then fewest bookings that day, then a per-date rotation (spec 30 §1.4.3).
 */
@Service
public class AvailabilityGrid {

    private final GridSlots slots;
    private final Showrooms showrooms;
    private final AppointmentTypes types;
    private final GridCache cache;
    private final Clock clock;

    public AvailabilityGrid(GridSlots slots, Showrooms showrooms, AppointmentTypes types, GridCache cache, Clock clock) {
        this.slots = slots;
        this.showrooms = showrooms;
        this.types = types;
        this.cache = cache;
        this.clock = clock;
    }

    /** Cached for 30 s per question, per staff/public view and per minute of the lead-time floor. */
    public GridView grid(GridQuery q, boolean staff) {
        String variant = (staff ? "staff:" : "public:") + clock.instant().getEpochSecond() / 60;
        return cache.get(q, variant, () -> compute(q, staff));
    }

    private GridView compute(GridQuery q, boolean staff) {
        AppointmentTypeView type = types.find(q.type()).filter(AppointmentTypeView::isActive)
                .orElseThrow(() -> new ApiException(ErrorCode.APPOINTMENT_TYPE_INACTIVE, "This appointment type is not offered."));
        Integer capacity = null;
        List<Instant[]> showroomBookings = List.of();
        if (q.type() == AppointmentType.SHOWROOM) {
            Showroom showroom = showrooms.find(q.showroomId()).filter(Showroom::isActive).orElseThrow(() ->
                    ApiException.reference(ErrorCode.SHOWROOM_NOT_FOUND, "No showroom with this id."));
            capacity = showroom.capacity();
            showroomBookings = slots.showroomBookings(showroom.id(), q.from(), q.to());
        }
        String outward = outwardCode(q);
        BookingWindow window = BookingWindow.of(clock, type.leadTimeHours(), staff);
        Map<Instant, List<GridCandidate>> byStart = new LinkedHashMap<>();
        for (GridCandidate c : slots.between(q.from(), q.to(), q.type() == AppointmentType.SHOWROOM ? q.showroomId() : null,
                q.consultantId())) {
            boolean eligible = c.specialisation().serves(q.forKitchen(), q.forBedroom())
                    && (q.type() != AppointmentType.HOME_MEASUREMENT || c.covers(outward))
                    && c.startsAt().isAfter(window.now());
            if (eligible) {
                byStart.computeIfAbsent(c.startsAt(), k -> new ArrayList<>()).add(c);
            }
        }
        List<GridView.Entry> entries = new ArrayList<>();
        for (List<GridCandidate> group : byStart.values()) {
            GridCandidate first = group.getFirst();
            boolean roomLeft = capacity == null || overlapping(showroomBookings, first) < capacity;
            var best = group.stream().filter(GridCandidate::free).filter(c -> window.admits(c.startsAt()) && roomLeft)
                    .min(Comparator.comparing((GridCandidate c) -> !c.specialisation().exactlyFits(q.forKitchen(), q.forBedroom()))
                            .thenComparingInt(GridCandidate::bookingsThatDay).thenComparingInt(GridCandidate::rotation));
            entries.add(best.map(GridView.Entry::available).orElseGet(() -> GridView.Entry.taken(first)));
        }
        return new GridView(q.from().equals(q.to()) ? q.from() : null, q.from().equals(q.to()) ? null : q.from(),
                q.from().equals(q.to()) ? null : q.to(), London.TIMEZONE, entries);
    }

    private static long overlapping(List<Instant[]> bookings, GridCandidate slot) {
        return bookings.stream().filter(b -> b[0].isBefore(slot.endsAt()) && slot.startsAt().isBefore(b[1])).count();
    }

    private static String outwardCode(GridQuery q) {
        if (q.postcode() == null || q.postcode().isBlank()) {
            return null;
        }
        return Postcodes.outward(Postcodes.normalise(q.postcode()));
    }
}
