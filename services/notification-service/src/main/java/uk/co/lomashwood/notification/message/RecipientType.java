package uk.co.lomashwood.notification.message;

/** Staff inboxes bypass preferences, quiet hours and rate limits (spec 40 §1.4.2). */
public enum RecipientType {
    CUSTOMER, STAFF, ADMIN;

    public boolean staff() {
        return this != CUSTOMER;
    }
}
