package uk.co.lomashwood.notification.dispatch;

import uk.co.lomashwood.notification.message.Channel;

import java.util.Set;

/**
 * Provider error codes (send answers and Twilio delivery callbacks: 30005 unknown handset, 30006 landline) that mean
 * the address itself is bad, so it joins the suppression list (spec 40 §1.4.4 step 7).
 */
public final class InvalidRecipients {

    private static final Set<String> SMS = Set.of("21211", "21614", "21610", "30005", "30006");
    private static final Set<String> EMAIL = Set.of("550", "553", "INVALID_ADDRESS");

    private InvalidRecipients() {
    }

    public static boolean matches(Channel channel, String code) {
        return switch (channel) {
            case SMS -> SMS.contains(code);
            case EMAIL -> EMAIL.contains(code);
            case PUSH -> false;
        };
    }
}
