package uk.co.lomashwood.appointment.booking;

import uk.co.lomashwood.appointment.common.Actor;
import uk.co.lomashwood.appointment.common.AppointmentType;
import uk.co.lomashwood.appointment.slot.TimeSlot;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A consultation booking and its rules: status machine, cut-offs and reschedule limit (spec 30 §1.4.5–1.4.6). */
public class Booking {

    static final Duration CANCEL_CUT_OFF = Duration.ofHours(2);
    static final Duration RESCHEDULE_CUT_OFF = Duration.ofHours(24);
    static final int CUSTOMER_RESCHEDULE_LIMIT = 3;
    static final Duration OUTCOME_CORRECTION_WINDOW = Duration.ofDays(7);

    private BookingData data;
    private BookingStatus status;
    private UUID slotId;
    private UUID consultantId;
    private Instant startsAt;
    private Instant endsAt;
    private int rescheduleCount;
    private Instant confirmedAt;
    private Instant completedAt;
    private Actor completedBy;
    private Instant cancelledAt;
    private Actor cancelledBy;
    private String cancellationReason;

    /** What does not change through the life of a booking (customer edits aside). */
    public record BookingData(UUID id, String referenceCode, UUID userId, AppointmentType type, boolean forKitchen,
                              boolean forBedroom, CustomerDetails customer, UUID showroomId, String channel, String notes,
                              String internalNotes, String meetingUrl, boolean sendNotifications, Instant createdAt,
                              Instant updatedAt) {
    }

    /** The state that moves, as stored. */
    public record BookingState(BookingStatus status, UUID slotId, UUID consultantId, Instant startsAt, Instant endsAt,
                               int rescheduleCount, Instant confirmedAt, Instant completedAt, Actor completedBy,
                               Instant cancelledAt, Actor cancelledBy, String cancellationReason) {
    }

    Booking(BookingData data, BookingState state) {
        this.data = data;
        this.status = state.status();
        this.slotId = state.slotId();
        this.consultantId = state.consultantId();
        this.startsAt = state.startsAt();
        this.endsAt = state.endsAt();
        this.rescheduleCount = state.rescheduleCount();
        this.confirmedAt = state.confirmedAt();
        this.completedAt = state.completedAt();
        this.completedBy = state.completedBy();
        this.cancelledAt = state.cancelledAt();
        this.cancelledBy = state.cancelledBy();
        this.cancellationReason = state.cancellationReason();
    }

    /** A new booking on a slot: CONFIRMED at once, or PENDING when staff hold it provisionally. */
    static Booking onSlot(BookingData data, TimeSlot slot, BookingStatus initial, Clock clock) {
        Instant now = clock.instant();
        return new Booking(data, new BookingState(initial, slot.id(), slot.consultantId(), slot.startsAt(), slot.endsAt(),
                0, initial == BookingStatus.CONFIRMED ? now : null, null, null, null, null, null));
    }

    public void cancel(Actor actor, String reason, Clock clock) {
        if (status == BookingStatus.CANCELLED) {
            throw new ApiException(ErrorCode.BOOKING_ALREADY_CANCELLED, "This booking is already cancelled.");
        }
        if (!status.isActive()) {
            throw transition("cancel");
        }
        if (actor == Actor.CUSTOMER && !canCancel(clock)) {
            throw new ApiException(ErrorCode.CANCELLATION_WINDOW_EXPIRED,
                    "Bookings can be cancelled online until 2 hours before the start; please phone the showroom.");
        }
        status = BookingStatus.CANCELLED;
        cancelledAt = clock.instant();
        cancelledBy = actor;
        cancellationReason = reason;
    }

    /** Checks the reschedule rules before any slot is touched. */
    public void checkReschedule(UUID newSlotId, Actor actor, Clock clock) {
        if (!status.isActive()) {
            throw transition("reschedule");
        }
        if (newSlotId.equals(slotId)) {
            throw new ApiException(ErrorCode.SAME_SLOT, "The booking is already at this time.");
        }
        if (actor == Actor.CUSTOMER && !clock.instant().plus(RESCHEDULE_CUT_OFF).isBefore(startsAt)) {
            throw new ApiException(ErrorCode.RESCHEDULE_WINDOW_EXPIRED,
                    "Bookings can be moved online until 24 hours before the start; please phone the showroom.");
        }
        if (actor == Actor.CUSTOMER && rescheduleCount >= CUSTOMER_RESCHEDULE_LIMIT) {
            throw new ApiException(ErrorCode.RESCHEDULE_LIMIT_REACHED, "This booking has been moved 3 times already.");
        }
    }

    public void moveTo(TimeSlot slot, Actor actor, Clock clock) {
        checkReschedule(slot.id(), actor, clock);
        slotId = slot.id();
        consultantId = slot.consultantId();
        startsAt = slot.startsAt();
        endsAt = slot.endsAt();
        rescheduleCount++;
    }

    public void confirm(Clock clock) {
        if (status != BookingStatus.PENDING) {
            throw transition("confirm");
        }
        status = BookingStatus.CONFIRMED;
        confirmedAt = clock.instant();
    }

    /** COMPLETED or NO_SHOW after the start; the two may be swapped within 7 days of it. */
    public void recordOutcome(BookingStatus outcome, Actor actor, Clock clock) {
        Instant now = clock.instant();
        boolean fromConfirmed = status == BookingStatus.CONFIRMED;
        boolean correction = (status == BookingStatus.COMPLETED || status == BookingStatus.NO_SHOW) && status != outcome
                && now.isBefore(startsAt.plus(OUTCOME_CORRECTION_WINDOW));
        if (!fromConfirmed && !correction) {
            throw transition("set " + outcome + " on");
        }
        if (now.isBefore(startsAt)) {
            throw new ApiException(ErrorCode.APPOINTMENT_NOT_STARTED, "The outcome can be recorded once the appointment has started.");
        }
        status = outcome;
        completedAt = now;
        completedBy = actor;
    }

    /** Staff edits of customer details, categories and notes; only while the booking is active. */
    public void edit(CustomerDetails customer, boolean forKitchen, boolean forBedroom, String notes, String internalNotes,
                     String meetingUrl) {
        if (!status.isActive()) {
            throw new ApiException(ErrorCode.BOOKING_NOT_EDITABLE, "A " + status + " booking cannot be edited.");
        }
        if (!forKitchen && !forBedroom) {
            throw new ApiException(ErrorCode.NO_CATEGORY_SELECTED, "Keep kitchen, bedroom or both.");
        }
        data = new BookingData(data.id(), data.referenceCode(), data.userId(), data.type(), forKitchen, forBedroom, customer,
                data.showroomId(), data.channel(), notes, internalNotes, meetingUrl, data.sendNotifications(),
                data.createdAt(), data.updatedAt());
    }

    /** Soft delete is for records that no longer hold a future slot. */
    public void checkDeletable(Clock clock) {
        if (status.isActive() && startsAt.isAfter(clock.instant())) {
            throw new ApiException(ErrorCode.BOOKING_ACTIVE, "Cancel the booking before deleting it.");
        }
    }

    public boolean canCancel(Clock clock) {
        return status.isActive() && clock.instant().plus(CANCEL_CUT_OFF).isBefore(startsAt);
    }

    public boolean canReschedule(Clock clock) {
        return status.isActive() && rescheduleCount < CUSTOMER_RESCHEDULE_LIMIT
                && clock.instant().plus(RESCHEDULE_CUT_OFF).isBefore(startsAt);
    }

    /** Guests may use their manage token until a week after the (current) start. */
    public boolean tokenValid(Clock clock) {
        return !clock.instant().isAfter(startsAt.plus(Duration.ofDays(7)));
    }

    private ApiException transition(String action) {
        return new ApiException(ErrorCode.INVALID_STATUS_TRANSITION, "Cannot " + action + " a booking that is " + status + ".");
    }

    public UUID id() {
        return data.id();
    }

    public BookingData data() {
        return data;
    }

    public BookingState state() {
        return new BookingState(status, slotId, consultantId, startsAt, endsAt, rescheduleCount, confirmedAt, completedAt,
                completedBy, cancelledAt, cancelledBy, cancellationReason);
    }

    public BookingStatus status() {
        return status;
    }

    public UUID slotId() {
        return slotId;
    }

    public Instant startsAt() {
        return startsAt;
    }
}
