package uk.co.lomashwood.notification.message;

/** NotificationChannel of spec 40 §1.2. */
public enum Channel {
    EMAIL, SMS, PUSH;

    public String topicWord() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
