package uk.co.lomashwood.appointment.common;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Guest manage tokens (spec 30 §1.4.9): an HMAC-SHA256 of the booking id, base64url. Signed rather than random so
 * that later events (reschedule, reminders) can carry the same manage link without the service storing the token;
 * only its SHA-256 is kept on the booking.
 */
@Component
public class ManageLinks {

    private final byte[] key;
    private final String siteBaseUrl;

    public ManageLinks(AppointmentProperties properties, @Value("${lomash.security.internal-token:}") String internalToken) {
        String secret = properties.manageTokenSecret() == null || properties.manageTokenSecret().isBlank()
                ? "booking-manage-token:" + internalToken : properties.manageTokenSecret();
        if (secret.length() < 16) {
            throw new IllegalStateException("BOOKING_TOKEN_SECRET (or INTERNAL_TOKEN) must be set");
        }
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        this.siteBaseUrl = properties.siteBaseUrl().replaceAll("/+$", "");
    }

    public String tokenFor(UUID bookingId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = mac.doFinal(("booking:" + bookingId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean matches(UUID bookingId, String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(bookingId).getBytes(StandardCharsets.US_ASCII),
                token.trim().getBytes(StandardCharsets.US_ASCII));
    }

    public String urlFor(UUID bookingId) {
        return siteBaseUrl + "/appointments/" + bookingId + "?token=" + tokenFor(bookingId);
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
