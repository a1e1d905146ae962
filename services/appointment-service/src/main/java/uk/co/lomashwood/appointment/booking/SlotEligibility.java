package uk.co.lomashwood.appointment.booking;

import org.springframework.stereotype.Component;
import uk.co.lomashwood.appointment.common.AppointmentType;
import uk.co.lomashwood.appointment.consultant.Consultant;
import uk.co.lomashwood.appointment.consultant.Consultants;
import uk.co.lomashwood.appointment.showroom.Postcodes;
import uk.co.lomashwood.appointment.showroom.Showroom;
import uk.co.lomashwood.appointment.showroom.Showrooms;
import uk.co.lomashwood.appointment.slot.BookingWindow;
import uk.co.lomashwood.appointment.slot.GridCache;
import uk.co.lomashwood.appointment.slot.Slots;
import uk.co.lomashwood.appointment.slot.TimeSlot;
import uk.co.lomashwood.appointment.type.AppointmentTypeView;
import uk.co.lomashwood.appointment.type.AppointmentTypes;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Clock;
import java.util.UUID;

/** The checks of spec 30 §1.4.3 on a locked slot, shared by booking and rescheduling. */
@Component
class SlotEligibility {

    /** What the slot must suit. */
    record Wanted(AppointmentType type, boolean forKitchen, boolean forBedroom, UUID showroomId, String postcode,
                  boolean staff) {
    }

    private final Slots slots;
    private final Consultants consultants;
    private final Showrooms showrooms;
    private final AppointmentTypes types;
    private final Bookings bookings;
    private final GridCache cache;
    private final Clock clock;

    SlotEligibility(Slots slots, Consultants consultants, Showrooms showrooms, AppointmentTypes types, Bookings bookings,
                    GridCache cache, Clock clock) {
        this.cache = cache;
        this.slots = slots;
        this.consultants = consultants;
        this.showrooms = showrooms;
        this.types = types;
        this.bookings = bookings;
        this.clock = clock;
    }

    AppointmentTypeView activeType(AppointmentType type) {
        return types.find(type).filter(AppointmentTypeView::isActive).orElseThrow(() ->
                new ApiException(ErrorCode.APPOINTMENT_TYPE_INACTIVE, "This appointment type is not offered at the moment."));
    }

    /** Row-locks the slot, then checks it; must run inside the booking transaction. */
    TimeSlot lockEligible(UUID slotId, Wanted wanted) {
        TimeSlot slot = slots.lock(slotId).orElseThrow(() ->
                ApiException.reference(ErrorCode.SLOT_NOT_FOUND, "No slot with this id."));
        if (!slot.isFree()) {
            throw unavailable();
        }
        BookingWindow.of(clock, activeType(wanted.type()).leadTimeHours(), wanted.staff()).check(slot.startsAt());
        Consultant consultant = consultants.find(slot.consultantId()).filter(c -> c.isActive() && c.isAvailable())
                .orElseThrow(SlotEligibility::unavailable);
        if (!consultant.specialisation().serves(wanted.forKitchen(), wanted.forBedroom())) {
            throw mismatch("The consultant for this slot does not design what you selected.");
        }
        if (wanted.type() == AppointmentType.HOME_MEASUREMENT && !consultant.covers(Postcodes.outward(wanted.postcode()))) {
            throw mismatch("This slot's consultant does not visit your area.");
        }
        if (wanted.type() == AppointmentType.SHOWROOM) {
            checkShowroom(slot, wanted.showroomId());
        }
        if (bookings.activeOnDay(consultant.id(), slot.localDate()) >= consultant.maxDailyBookings()) {
            throw unavailable();
        }
        return slot;
    }

    private void checkShowroom(TimeSlot slot, UUID showroomId) {
        Showroom showroom = showrooms.find(showroomId).filter(Showroom::isActive).orElseThrow(() ->
                ApiException.reference(ErrorCode.SHOWROOM_NOT_FOUND, "No showroom with this id."));
        if (!showroom.id().equals(slot.showroomId())) {
            throw mismatch("This slot is not at the chosen showroom.");
        }
        showrooms.lock(showroom.id());
        if (bookings.activeShowroomOverlaps(showroom.id(), slot.startsAt(), slot.endsAt()) >= showroom.capacity()) {
            throw new ApiException(ErrorCode.SHOWROOM_CAPACITY_REACHED, "The showroom is fully booked at this time.");
        }
    }

    /** Unlocked read; an unknown slot counts as free so that the transaction reports SLOT_NOT_FOUND. */
    boolean looksFree(UUID slotId) {
        return slots.find(slotId).map(TimeSlot::isFree).orElse(true);
    }

    /** Also retires cached grids of the slot's date once the transaction commits. */
    void markBooked(TimeSlot slot, UUID bookingId) {
        slots.markBooked(slot.id(), bookingId, clock.instant());
        cache.invalidate(slot.localDate(), slot.localDate());
    }

    void release(UUID slotId) {
        slots.release(slotId, clock.instant());
        slots.find(slotId).ifPresent(s -> cache.invalidate(s.localDate(), s.localDate()));
    }

    static ApiException unavailable() {
        return new ApiException(ErrorCode.SLOT_UNAVAILABLE, "This time has just been taken; please pick another.");
    }

    private static ApiException mismatch(String detail) {
        return new ApiException(ErrorCode.SLOT_TYPE_MISMATCH, detail);
    }
}
