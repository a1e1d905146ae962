package uk.co.lomashwood.appointment.booking;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uk.co.lomashwood.appointment.common.AppointmentType;

import java.util.UUID;

/** Request bodies of the booking endpoints. */
public final class BookingRequests {

    private BookingRequests() {
    }

    /** POST /v1/appointments; the last four fields are for staff only. */
    public record NewBooking(
            @NotNull AppointmentType appointmentType,
            @NotNull Boolean forKitchen,
            @NotNull Boolean forBedroom,
            @NotNull UUID slotId,
            UUID showroomId,
            @NotNull @Valid CustomerDetails customerDetails,
            @Size(max = 1000) String notes,
            BookingStatus status,
            @Size(max = 2000) String internalNotes,
            UUID userId,
            Boolean sendNotifications) {
    }

    public record Cancel(@Size(min = 10, max = 500) String reason) {
    }

    public record Reschedule(@NotNull UUID slotId, @Size(max = 500) String reason) {
    }

    public record StatusChange(@NotNull BookingStatus status, @Size(min = 10, max = 500) String reason,
                               @Size(max = 500) String notes) {
    }
}
