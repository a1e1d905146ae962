package uk.co.lomashwood.auth.verification;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.auth.message.CredentialMessage;
import uk.co.lomashwood.auth.message.CredentialMessages;
import uk.co.lomashwood.auth.support.AuthProperties;
import uk.co.lomashwood.auth.user.User;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Sends the one verification email carrying both a link token and a 6-digit code (spec 10 §2.5.1);
 * each new email invalidates earlier links and codes. Resends: 5-minute cooldown, at most 3 per
 * 24 hours besides the first email; extra requests are silently ignored.
 */
@Component
public class VerificationEmails {

    static final Duration RESEND_COOLDOWN = Duration.ofMinutes(5);
    static final int MAX_EMAILS_PER_DAY = 4;

    private final VerificationLinks links;
    private final VerificationCodes codes;
    private final CredentialMessages messages;
    private final AuthProperties properties;
    private final Clock clock;

    public VerificationEmails(VerificationLinks links, VerificationCodes codes, CredentialMessages messages,
                              AuthProperties properties, Clock clock) {
        this.links = links;
        this.codes = codes;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void send(User user) {
        String token = links.issue(user.id(), user.email());
        String code = codes.issue(user.id());
        String url = properties.publicBaseUrl() + "/verify-email?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        messages.enqueue(CredentialMessage.EMAIL_VERIFICATION, user.id(), user.email(), Map.of(
                "customerName", user.firstName(),
                "verifyUrl", url,
                "otpCode", code,
                "expiresInMinutes", Long.toString(VerificationCodes.CODE_TTL.toMinutes())), VerificationLinks.LIFETIME);
    }

    /** @return false when the cooldown or the daily cap says no */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean resend(User user) {
        VerificationLinks.Sent sent = links.sentSince(user.id(), clock.instant().minus(Duration.ofHours(24)));
        if (sent.count() >= MAX_EMAILS_PER_DAY
                || (sent.latest() != null && sent.latest().plus(RESEND_COOLDOWN).isAfter(clock.instant()))) {
            return false;
        }
        send(user);
        return true;
    }
}
