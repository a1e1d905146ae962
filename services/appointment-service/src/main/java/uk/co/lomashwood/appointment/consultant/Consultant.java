package uk.co.lomashwood.appointment.consultant;

import uk.co.lomashwood.appointment.common.Specialisation;

import java.util.List;
import java.util.UUID;

/** A designer who takes consultations. */
public record Consultant(UUID id, UUID userId, String name, String email, String phone, String bio, String avatarUrl,
                        Specialisation specialisation, UUID showroomId, List<String> coverageAreas,
                        int maxDailyBookings, boolean isActive, boolean isAvailable) {

    /** Home visits: empty coverage means everywhere; otherwise the outward code starts with one of the areas. */
    public boolean covers(String outwardCode) {
        return coverageAreas.isEmpty() || (outwardCode != null && coverageAreas.stream().anyMatch(outwardCode::startsWith));
    }
}
