package uk.co.lomashwood.notification.message;

/** NotificationPriority of spec 40 §1.2. */
public enum Priority {
    LOW, NORMAL, HIGH, CRITICAL;

    public boolean urgent() {
        return this == HIGH || this == CRITICAL;
    }
}
