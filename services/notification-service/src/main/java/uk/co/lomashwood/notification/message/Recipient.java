package uk.co.lomashwood.notification.message;

import java.util.UUID;

/** Who a message goes to: a platform user and/or an address; {@code name} is for the greeting only. */
public record Recipient(UUID userId, String email, String phone, RecipientType type) {

    public static Recipient customer(UUID userId, String email, String phone) {
        return new Recipient(userId, blankToNull(email), blankToNull(phone), RecipientType.CUSTOMER);
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
