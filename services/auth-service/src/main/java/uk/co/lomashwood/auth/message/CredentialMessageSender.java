package uk.co.lomashwood.auth.message;

/**
 * Delivers one secret-carrying message; throws when it could not (the message is then retried).
 * Chosen by configuration: {@link NotificationServiceCredentialSender} when {@code NOTIFICATION_SERVICE_URL}
 * is set, otherwise {@link SmtpCredentialMessageSender}.
 */
public interface CredentialMessageSender {

    void send(CredentialMessage message);
}
