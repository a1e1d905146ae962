package uk.co.lomashwood.appointment.booking;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs {@link BookingHousekeeping} every 5 minutes on every instance; SKIP LOCKED keeps the runs apart. */
@Component
@ConditionalOnProperty(name = "lomash.appointment.jobs-enabled", havingValue = "true", matchIfMissing = true)
public class BookingHousekeepingJob {

    private final BookingHousekeeping housekeeping;

    public BookingHousekeepingJob(BookingHousekeeping housekeeping) {
        this.housekeeping = housekeeping;
    }

    @Scheduled(fixedDelayString = "${lomash.appointment.housekeeping-interval:5m}",
            initialDelayString = "${lomash.appointment.reminder-initial-delay:30s}")
    public void run() {
        housekeeping.run();
    }
}
