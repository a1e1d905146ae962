package uk.co.lomashwood.appointment.consultant;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.co.lomashwood.appointment.common.Specialisation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Bodies of the consultant and availability endpoints. */
public final class ConsultantRequests {

    private ConsultantRequests() {
    }

    public record NewConsultant(
            @NotBlank @Size(min = 2, max = 100) String name,
            @NotBlank @Email @Size(max = 255) String email,
            @Size(min = 7, max = 20) String phone,
            @Size(max = 1000) String bio,
            @Size(max = 2000) @Pattern(regexp = "https?://.+") String avatarUrl,
            Specialisation specialisation,
            UUID showroomId,
            UUID userId,
            @Size(max = 50) List<@Pattern(regexp = "[A-Z0-9]{1,4}") String> coverageAreas,
            @Min(1) @Max(16) Integer maxDailyBookings) {
    }

    /** PATCH /v1/appointments/consultants/{id}: absent fields stay; a consultant may change only bio, avatar and phone. */
    public record ConsultantPatch(
            @Size(min = 2, max = 100) String name,
            @Email @Size(max = 255) String email,
            @Size(min = 7, max = 20) String phone,
            @Size(max = 1000) String bio,
            @Size(max = 2000) @Pattern(regexp = "https?://.+") String avatarUrl,
            Specialisation specialisation,
            UUID showroomId,
            @Size(max = 50) List<@Pattern(regexp = "[A-Z0-9]{1,4}") String> coverageAreas,
            @Min(1) @Max(16) Integer maxDailyBookings) {

        boolean onlySelfServiceFields() {
            return name == null && email == null && specialisation == null && showroomId == null && coverageAreas == null
                    && maxDailyBookings == null;
        }

        Consultant over(Consultant c) {
            return new Consultant(c.id(), c.userId(), name != null ? name.trim() : c.name(),
                    email != null ? email.trim().toLowerCase(java.util.Locale.ROOT) : c.email(),
                    phone != null ? phone : c.phone(), bio != null ? bio : c.bio(),
                    avatarUrl != null ? avatarUrl : c.avatarUrl(),
                    specialisation != null ? specialisation : c.specialisation(),
                    showroomId != null ? showroomId : c.showroomId(),
                    coverageAreas != null ? coverageAreas : c.coverageAreas(),
                    maxDailyBookings != null ? maxDailyBookings : c.maxDailyBookings(), c.isActive(), c.isAvailable());
        }
    }

    /** PATCH /v1/appointments/availability/{id}: the day of a rule stays; its hours and block may change. */
    public record AvailabilityPatch(
            @Pattern(regexp = "([01][0-9]|2[0-3]):(00|15|30|45)") String startTime,
            @Pattern(regexp = "([01][0-9]|2[0-3]):(00|15|30|45)|24:00") String endTime,
            Boolean isBlocked,
            @Size(max = 200) String blockReason,
            LocalDate validFrom,
            LocalDate validTo) {
    }

    public record NewAvailability(
            @NotNull UUID consultantId,
            DayOfWeek dayOfWeek,
            @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):(00|15|30|45)") String startTime,
            @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):(00|15|30|45)|24:00") String endTime,
            Boolean isRecurring,
            LocalDate specificDate,
            Boolean isBlocked,
            @Size(max = 200) String blockReason,
            LocalDate validFrom,
            LocalDate validTo) {
    }
}
