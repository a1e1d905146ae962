package uk.co.lomashwood.notification.message;

/** PreferenceTopic of spec 40 §1.2; {@code ALL} is a channel's master switch. */
public enum PreferenceTopic {
    ALL, BOOKING_CONFIRMATIONS, BOOKING_REMINDERS, ORDER_UPDATES, NEWSLETTER, PROMOTIONS, LOYALTY
}
