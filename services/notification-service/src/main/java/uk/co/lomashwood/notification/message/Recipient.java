package uk.co.lomashwood.notification.message;

import java.util.UUID;

/** Who a message goes to: a platform user and/or an address; {@code name} is for the greeting only. */
public record Recipient(UUID userId, String email, String phone, RecipientType type) {

    public static Recipient customer(UUID userId, String email, String phone) {
        return new Recipient(userId, blankToNull(email), e164(blankToNull(phone)), RecipientType.CUSTOMER);
    }

    /** UK numbers as customers type them ({@code 07700 900123}) in the E.164 form providers need. */
    static String e164(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[\\s().-]", "");
        if (digits.startsWith("00")) {
            return "+" + digits.substring(2);
        }
        if (digits.startsWith("0")) {
            return "+44" + digits.substring(1);
        }
        return digits.startsWith("+") ? digits : "+" + digits;
    }

    public static Recipient staff(String email) {
        return new Recipient(null, email, null, RecipientType.STAFF);
    }

    public String address(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case SMS -> phone;
            case PUSH -> userId == null ? null : userId.toString();
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
