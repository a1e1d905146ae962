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

    /** PATCH /v1/appointments/{id} (staff): absent fields stay as they are. */
    public record Edit(@Valid DetailsPatch customerDetails, Boolean forKitchen, Boolean forBedroom,
                       @Size(max = 1000) String notes, @Size(max = 2000) String internalNotes,
                       @Size(max = 2000) @jakarta.validation.constraints.Pattern(regexp = "https://.+") String meetingUrl) {
    }

    public record DetailsPatch(@Size(min = 2, max = 100) String name,
                               @jakarta.validation.constraints.Email @Size(max = 255) String email,
                               @Size(min = 7, max = 20) String phone, @Size(min = 3, max = 10) String postcode,
                               @Size(min = 5, max = 500) String address) {

        CustomerDetails over(CustomerDetails current) {
            return new CustomerDetails(name != null ? name : current.name(), email != null ? email : current.email(),
                    phone != null ? phone : current.phone(), postcode != null ? postcode : current.postcode(),
                    address != null ? address : current.address()).normalised();
        }
    }

    public record StatusChange(@NotNull BookingStatus status, @Size(min = 10, max = 500) String reason,
                               @Size(max = 500) String notes) {
    }
}
