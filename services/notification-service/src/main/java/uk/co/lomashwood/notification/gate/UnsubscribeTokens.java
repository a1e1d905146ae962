package uk.co.lomashwood.notification.gate;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.PreferenceTopic;
import uk.co.lomashwood.notification.support.NotificationProperties;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Signed unsubscribe tokens of spec 40 §1.4.8: {@code base64url(payload).base64url(HMAC-SHA256(payload))},
 * payload {@code { channel, address, addressHash, userId?, topic, issuedAt }}, valid 365 days.
 * The address travels inside so the suppression row can be written without a lookup; it is only readable
 * by whoever already holds the email.
 */
@Component
public class UnsubscribeTokens {

    public record Payload(Channel channel, String address, String addressHash, UUID userId, PreferenceTopic topic,
                          Instant issuedAt) {
    }

    private static final Duration LIFETIME = Duration.ofDays(365);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;
    private final ObjectMapper json;
    private final Clock clock;

    public UnsubscribeTokens(NotificationProperties properties, ObjectMapper json, Clock clock) {
        this.secret = properties.unsubscribeSecret().getBytes(StandardCharsets.UTF_8);
        this.json = json;
        this.clock = clock;
    }

    public String issue(Channel channel, String address, UUID userId, PreferenceTopic topic) {
        Payload payload = new Payload(channel, Addresses.normalise(address), Addresses.hash(address), userId, topic,
                clock.instant());
        String body = ENCODER.encodeToString(json.writeValueAsBytes(payload));
        return body + "." + ENCODER.encodeToString(sign(body));
    }

    public Optional<Payload> verify(String token) {
        if (token == null || token.length() > 2048 || token.indexOf('.') < 0) {
            return Optional.empty();
        }
        String body = token.substring(0, token.indexOf('.'));
        try {
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(token.indexOf('.') + 1));
            if (!MessageDigest.isEqual(signature, sign(body))) {
                return Optional.empty();
            }
            Payload payload = json.readValue(Base64.getUrlDecoder().decode(body), Payload.class);
            if (payload.issuedAt() == null || payload.issuedAt().plus(LIFETIME).isBefore(clock.instant())
                    || payload.channel() == null || payload.address() == null) {
                return Optional.empty();
            }
            return Optional.of(payload);
        } catch (IllegalArgumentException | JacksonException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
