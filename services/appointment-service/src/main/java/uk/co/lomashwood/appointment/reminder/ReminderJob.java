package uk.co.lomashwood.appointment.reminder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** {@code send-reminders} every 5 minutes; safe on several instances because each run claims rows with SKIP LOCKED. */
@Component
@ConditionalOnProperty(name = "lomash.appointment.jobs-enabled", havingValue = "true", matchIfMissing = true)
public class ReminderJob {

    private final ReminderDispatch dispatch;

    public ReminderJob(ReminderDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Scheduled(fixedDelayString = "${lomash.appointment.reminder-interval:5m}", initialDelayString = "${lomash.appointment.reminder-initial-delay:30s}")
    public void run() {
        dispatch.sendDue();
    }
}
