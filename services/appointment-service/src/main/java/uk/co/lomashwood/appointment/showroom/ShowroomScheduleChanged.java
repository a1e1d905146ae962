package uk.co.lomashwood.appointment.showroom;

import java.util.UUID;

/** Published in-process after a showroom's hours, closures or status changed; slot generation listens. */
public record ShowroomScheduleChanged(UUID showroomId) {
}
