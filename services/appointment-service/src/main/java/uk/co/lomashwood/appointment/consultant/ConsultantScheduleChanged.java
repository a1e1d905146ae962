package uk.co.lomashwood.appointment.consultant;

import java.util.UUID;

/** Published in-process after a consultant's availability or status changed; slot generation listens. */
public record ConsultantScheduleChanged(UUID consultantId) {
}
