package uk.co.lomashwood.notification.consumer;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.notification.directory.ContactDirectory;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.Priority;
import uk.co.lomashwood.notification.message.Recipient;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** auth-service topics: the contact directory, the welcome email and the account-security emails. */
@Component
class AccountEventHandler implements EventHandler {

    private final EventSends sends;
    private final ContactDirectory directory;

    AccountEventHandler(EventSends sends, ContactDirectory directory) {
        this.sends = sends;
        this.directory = directory;
    }

    @Override
    public Set<String> topics() {
        return Set.of("auth.user.created", "auth.user.updated", "auth.password.changed", "auth.user.account_locked",
                "auth.security.alert", "auth.mfa.changed", "auth.user.inactivity_warning", "auth.role.changed");
    }

    @Override
    public void handle(EventEnvelope event) {
        JsonNode data = event.data();
        UUID userId = Fields.uuid(data, "userId");
        if (userId == null) {
            return;
        }
        switch (event.topic()) {
            case "auth.user.created" -> created(event, userId, data);
            case "auth.user.updated" -> remember(userId, data);
            case "auth.password.changed" -> security(event, userId, "account-password-changed-email",
                    Vars.of("method", Formats.label(Fields.text(data, "method")),
                            "changedAt", Formats.dateTime(Formats.instant(Fields.text(data, "changedAt")))));
            case "auth.user.account_locked" -> security(event, userId, "account-locked-email",
                    Vars.of("lockedUntil", lockedUntil(data), "resetUrl", sends.siteUrl("/forgot-password")));
            case "auth.security.alert" -> security(event, userId, "account-security-alert-email",
                    Vars.of("alertType", Formats.label(Fields.text(data, "alertType")),
                            "occurredAt", Formats.dateTime(Formats.instant(Fields.text(data, "occurredAt"))),
                            "device", Fields.text(data, "userAgent")));
            case "auth.mfa.changed" -> security(event, userId, "account-security-alert-email",
                    Vars.of("alertType", Fields.flag(data, "enabled", false)
                                    ? "Two-step verification turned on" : "Two-step verification turned off",
                            "occurredAt", Formats.dateTime(Formats.instant(Fields.text(data, "changedAt")))));
            case "auth.user.inactivity_warning" -> sends.send(event, "account-inactivity-warning-email", Channel.EMAIL,
                    Recipient.customer(userId, null, null), Priority.NORMAL,
                    Vars.of("lastLoginAt", Formats.dateTime(Formats.instant(Fields.text(data, "lastLoginAt"))),
                            "deactivatesOn", Fields.text(data, "deactivatesOn"), "loginUrl", sends.siteUrl("/login")),
                    "USER", userId.toString());
            case "auth.role.changed" -> roleChanged(event, userId, data);
            default -> { }
        }
    }

    /** Granting ADMIN or SUPER_ADMIN alerts the security inbox (spec 00 §3.13); other role changes do not. */
    private void roleChanged(EventEnvelope event, UUID userId, JsonNode data) {
        String newRole = Fields.text(data, "newRole");
        if (!"ADMIN".equals(newRole) && !"SUPER_ADMIN".equals(newRole)) {
            return;
        }
        sends.send(event, "staff-role-alert-email", Channel.EMAIL, Recipient.staff(sends.properties().inboxes().security()),
                Priority.HIGH, Vars.of("userId", userId.toString(), "previousRole", Fields.text(data, "previousRole"),
                        "newRole", newRole, "changedBy", Fields.text(data, "changedBy"),
                        "changedAt", Formats.dateTime(Formats.instant(Fields.text(data, "changedAt")))),
                "USER", userId.toString());
    }

    private void created(EventEnvelope event, UUID userId, JsonNode data) {
        remember(userId, data);
        if ("CUSTOMER".equals(Fields.text(data, "role"))) {
            // a little later, so the welcome never lands on top of the verification email the customer must open
            sends.sendAt(event, "account-welcome-email", Channel.EMAIL,
                    Recipient.customer(userId, Fields.text(data, "email"), null), Priority.NORMAL,
                    Vars.of("customerName", Fields.text(data, "firstName")), "USER", userId.toString(),
                    event.timestamp().plus(sends.properties().welcomeDelay()));
        }
    }

    private void remember(UUID userId, JsonNode data) {
        directory.remember(userId, Fields.text(data, "email"), Fields.text(data, "phone"), Fields.text(data, "firstName"));
    }

    private void security(EventEnvelope event, UUID userId, String slug, Map<String, Object> variables) {
        sends.send(event, slug, Channel.EMAIL, Recipient.customer(userId, null, null), Priority.HIGH, variables,
                "USER", userId.toString());
    }

    private static String lockedUntil(JsonNode data) {
        String until = Formats.dateTime(Formats.instant(Fields.text(data, "lockedUntil")));
        return until == null ? "an administrator unlocks it" : until;
    }
}
