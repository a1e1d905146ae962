package uk.co.lomashwood.auth.password;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.auth.audit.AuditAction;
import uk.co.lomashwood.auth.audit.AuditEntry;
import uk.co.lomashwood.auth.audit.AuditTrail;
import uk.co.lomashwood.auth.message.CredentialMessage;
import uk.co.lomashwood.auth.message.CredentialMessages;
import uk.co.lomashwood.auth.support.AuthEvents;
import uk.co.lomashwood.auth.support.AuthProperties;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.auth.user.User;
import uk.co.lomashwood.auth.user.UserRepository;
import uk.co.lomashwood.auth.user.UserStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * "Forgot password" (spec 10 §2.5.6): only for ACTIVE, PENDING_VERIFICATION and INACTIVE(INACTIVITY)
 * accounts, at most 3 per 24 hours with a 5-minute cooldown; everything else is silently dropped, and the
 * caller always gets the same answer.
 */
@Component
public class ForgotPassword {

    static final int MAX_PER_DAY = 3;
    static final Duration COOLDOWN = Duration.ofMinutes(5);

    private final UserRepository users;
    private final ResetTokens tokens;
    private final CredentialMessages messages;
    private final AuthProperties properties;
    private final AuditTrail audit;
    private final AuthEvents events;
    private final Clock clock;

    public ForgotPassword(UserRepository users, ResetTokens tokens, CredentialMessages messages,
                          AuthProperties properties, AuditTrail audit, AuthEvents events, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.messages = messages;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void request(String email, ClientInfo client) {
        users.findByEmail(email).filter(ForgotPassword::eligible).filter(this::withinLimits)
                .ifPresent(user -> send(user, client));
    }

    private void send(User user, ClientInfo client) {
        Instant now = clock.instant();
        String token = tokens.issue(user.id(), client.ipAddress());
        String url = properties.publicBaseUrl() + "/reset-password?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        messages.enqueue(CredentialMessage.PASSWORD_RESET, user.id(), user.email(), Map.of(
                "customerName", user.firstName(),
                "resetUrl", url,
                "currentYear", Integer.toString(now.atZone(ZoneOffset.UTC).getYear())), ResetTokens.LIFETIME);
        audit.record(AuditEntry.success(AuditAction.USER_PASSWORD_RESET_REQUESTED, user.id(), client));
        events.publish(PasswordEvents.RESET_REQUESTED, user.id(), new PasswordEvents.ResetRequested(user.id(), now));
    }

    private static boolean eligible(User user) {
        return user.status() == UserStatus.ACTIVE || user.status() == UserStatus.PENDING_VERIFICATION
                || (user.status() == UserStatus.INACTIVE && "INACTIVITY".equals(user.statusReason()));
    }

    private boolean withinLimits(User user) {
        ResetTokens.Requested requested = tokens.requestedSince(user.id(), clock.instant().minus(Duration.ofHours(24)));
        return requested.count() < MAX_PER_DAY
                && (requested.latest() == null || !requested.latest().plus(COOLDOWN).isAfter(clock.instant()));
    }
}
