package uk.co.lomashwood.notification.dispatch;

import uk.co.lomashwood.notification.message.Channel;

import java.util.Set;

/** Provider error codes that mean the address itself is bad, so it joins the suppression list (spec 40 §1.4.4 step 7). */
final class InvalidRecipients {

    private static final Set<String> SMS = Set.of("21211", "21614", "21610");
    private static final Set<String> EMAIL = Set.of("550", "553", "INVALID_ADDRESS");

    private InvalidRecipients() {
    }

    static boolean matches(Channel channel, String code) {
        return switch (channel) {
            case SMS -> SMS.contains(code);
            case EMAIL -> EMAIL.contains(code);
            case PUSH -> false;
        };
    }
}
