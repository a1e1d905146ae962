package uk.co.lomashwood.auth.verification;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.auth.audit.AuditAction;
import uk.co.lomashwood.auth.audit.AuditEntry;
import uk.co.lomashwood.auth.audit.AuditTrail;
import uk.co.lomashwood.auth.support.AuthEvents;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.auth.user.User;
import uk.co.lomashwood.auth.user.UserEvents;
import uk.co.lomashwood.auth.user.UserRepository;
import uk.co.lomashwood.auth.user.UserStatus;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Verifies an email address by link token or by email + code (spec 10 §2.5.1): sets the flag and status
 * ACTIVE, invalidates the remaining token and code, audits and publishes {@code auth.email.verified} and
 * {@code auth.user.status_changed}. Code attempts: 5 wrong tries within 15 minutes → 429.
 */
@Component
public class EmailVerification {

    private final UserRepository users;
    private final VerificationLinks links;
    private final VerificationCodes codes;
    private final VerificationEmails emails;
    private final AuditTrail audit;
    private final AuthEvents events;
    private final Clock clock;

    public EmailVerification(UserRepository users, VerificationLinks links, VerificationCodes codes,
                             VerificationEmails emails, AuditTrail audit, AuthEvents events, Clock clock) {
        this.users = users;
        this.links = links;
        this.codes = codes;
        this.emails = emails;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void verifyByLink(String token, ClientInfo client) {
        VerificationLinks.Row row = links.find(token).orElseThrow(EmailVerification::invalidToken);
        User user = users.findById(row.userId()).orElseThrow(EmailVerification::invalidToken);
        refuseIfVerified(user);
        if (row.used() || !row.expiresAt().isAfter(clock.instant())) {
            throw invalidToken();
        }
        verify(user, client, "LINK");
    }

    @Transactional
    public void verifyByCode(String email, String code, ClientInfo client) {
        Optional<User> found = users.findByEmail(email);
        if (found.isEmpty()) {
            throw otpExpired();
        }
        User user = found.get();
        refuseIfVerified(user);
        codes.blockedFor(user.id()).ifPresent(seconds -> {
            throw new ApiException(ErrorCode.RATE_LIMIT_EXCEEDED, "Too many wrong codes; try again later.")
                    .retryAfter(Duration.ofSeconds(seconds));
        });
        switch (codes.check(user.id(), code)) {
            case NO_CODE -> throw otpExpired();
            case MISMATCH -> throw new ApiException(ErrorCode.INVALID_OTP, "The code is incorrect.")
                    .with("remainingAttempts", codes.recordWrongAttempt(user.id()));
            case MATCH -> verify(user, client, "CODE");
        }
    }

    /** Always succeeds from the caller's point of view: the answer never tells whether the account exists. */
    @Transactional
    public void resend(String email) {
        users.findByEmail(email)
                .filter(u -> !u.emailVerified() && u.status() == UserStatus.PENDING_VERIFICATION)
                .ifPresent(emails::resend);
    }

    private void verify(User user, ClientInfo client, String method) {
        UserStatus previous = user.status();
        user.verifyEmail(clock);
        links.invalidateAll(user.id());
        codes.clear(user.id());
        audit.record(AuditEntry.success(AuditAction.USER_EMAIL_VERIFIED, user.id(), client).with("method", method));
        events.publish(UserEvents.EMAIL_VERIFIED, user.id(),
                new UserEvents.EmailVerified(user.id(), user.email(), clock.instant()));
        if (previous != user.status()) {
            audit.record(AuditEntry.success(AuditAction.USER_STATUS_CHANGED, user.id(), client)
                    .with("previousStatus", previous).with("newStatus", user.status()));
            events.publish(UserEvents.STATUS_CHANGED, user.id(), new UserEvents.StatusChanged(user.id(),
                    previous.name(), user.status().name(), "EMAIL_VERIFIED", clock.instant()));
        }
    }

    private static void refuseIfVerified(User user) {
        if (user.emailVerified()) {
            throw new ApiException(ErrorCode.EMAIL_ALREADY_VERIFIED, "This email address is already verified.");
        }
    }

    private static ApiException invalidToken() {
        return new ApiException(ErrorCode.INVALID_VERIFICATION_TOKEN, "The verification link is invalid or has expired.");
    }

    private static ApiException otpExpired() {
        return new ApiException(ErrorCode.OTP_EXPIRED, "The code has expired; ask for a new one.");
    }
}
