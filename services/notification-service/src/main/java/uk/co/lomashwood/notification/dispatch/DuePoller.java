package uk.co.lomashwood.notification.dispatch;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Releases what is due: scheduled sends, retries whose back-off has passed, dead-letter redrives, queued
 * rows whose in-memory hand-off was lost (restart), and rows left PROCESSING by an instance that stopped mid-send. Safe on every instance: {@link NotificationStore#claim}
 * lets exactly one caller send each row.
 */
@Component
class DuePoller {

    private final NotificationStore store;
    private final Dispatcher dispatcher;

    DuePoller(NotificationStore store, Dispatcher dispatcher) {
        this.store = store;
        this.dispatcher = dispatcher;
    }

    @Scheduled(initialDelayString = "${lomash.notification.poll-interval:1s}",
            fixedDelayString = "${lomash.notification.poll-interval:1s}")
    void releaseDue() {
        store.due(200).forEach(dispatcher::submit);
    }
}
