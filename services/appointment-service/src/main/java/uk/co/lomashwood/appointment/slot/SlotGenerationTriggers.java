package uk.co.lomashwood.appointment.slot;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import uk.co.lomashwood.appointment.consultant.ConsultantScheduleChanged;
import uk.co.lomashwood.appointment.showroom.ShowroomScheduleChanged;

/** Regenerates after a committed schedule change, and nightly for the day that just entered the horizon. */
@Component
public class SlotGenerationTriggers {

    private final SlotGeneration generation;

    public SlotGenerationTriggers(SlotGeneration generation) {
        this.generation = generation;
    }

    @TransactionalEventListener
    public void onScheduleChanged(ConsultantScheduleChanged change) {
        generation.regenerate(change.consultantId());
    }

    @TransactionalEventListener
    public void onShowroomChanged(ShowroomScheduleChanged change) {
        generation.regenerateShowroom(change.showroomId());
    }

    /** Regeneration is idempotent (upsert + exclusion constraint), so a run on two instances at once is harmless. */
    @Component
    @ConditionalOnProperty(name = "lomash.appointment.jobs-enabled", havingValue = "true", matchIfMissing = true)
    static class Nightly {

        private final SlotGeneration generation;

        Nightly(SlotGeneration generation) {
            this.generation = generation;
        }

        @Scheduled(cron = "${lomash.appointment.slot-generation-cron:0 30 1 * * *}", zone = "Europe/London")
        void run() {
            generation.regenerateAll();
        }
    }
}
