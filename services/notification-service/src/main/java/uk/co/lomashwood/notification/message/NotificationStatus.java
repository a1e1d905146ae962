package uk.co.lomashwood.notification.message;

/** NotificationStatus of spec 40 §1.2. */
public enum NotificationStatus {
    PENDING, SCHEDULED, QUEUED, PROCESSING, SENT, DELIVERED, FAILED, DEAD_LETTERED, CANCELLED, BOUNCED, SUPPRESSED
}
