package uk.co.lomashwood.auth.registration;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.auth.audit.AuditAction;
import uk.co.lomashwood.auth.audit.AuditEntry;
import uk.co.lomashwood.auth.audit.AuditTrail;
import uk.co.lomashwood.auth.password.NewPasswords;
import uk.co.lomashwood.auth.password.PasswordContext;
import uk.co.lomashwood.auth.password.PasswordHistory;
import uk.co.lomashwood.auth.support.AuthEvents;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.auth.support.PhoneNumbers;
import uk.co.lomashwood.auth.user.User;
import uk.co.lomashwood.auth.user.UserEvents;
import uk.co.lomashwood.auth.user.UserRepository;
import uk.co.lomashwood.auth.verification.VerificationEmails;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.security.Role;

import java.time.Clock;

/**
 * Self-service sign-up (spec 10 §2.5.1): a CUSTOMER in PENDING_VERIFICATION, no tokens; the verification
 * email (link + code) is queued in the same transaction and {@code auth.user.created} is published.
 */
@Component
public class Registration {

    private final UserRepository users;
    private final NewPasswords passwords;
    private final PasswordHistory history;
    private final VerificationEmails verificationEmails;
    private final AuditTrail audit;
    private final AuthEvents events;
    private final Clock clock;

    public Registration(UserRepository users, NewPasswords passwords, PasswordHistory history,
                        VerificationEmails verificationEmails, AuditTrail audit, AuthEvents events, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.history = history;
        this.verificationEmails = verificationEmails;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public User register(RegisterRequest request, ClientInfo client) {
        String phone = request.phone() == null ? null : PhoneNumbers.toE164(request.phone())
                .orElseThrow(() -> ValidationException.of("phone", "must be a valid phone number"));
        String hash = passwords.firstPassword("password", request.password(), new PasswordContext(request.email(),
                request.firstName(), request.lastName(), Role.CUSTOMER));
        if (users.existsByEmail(request.email())) {
            throw new ApiException(ErrorCode.EMAIL_ALREADY_EXISTS, "An account with this email address already exists.");
        }
        if (phone != null && users.existsByPhoneNumber(phone)) {
            throw new ApiException(ErrorCode.PHONE_ALREADY_EXISTS, "An account with this phone number already exists.");
        }
        User user = User.register(request.email(), request.firstName(), request.lastName(), phone, hash, clock);
        try {
            users.saveAndFlush(user);
        } catch (DataIntegrityViolationException e) {
            throw new ApiException(ErrorCode.EMAIL_ALREADY_EXISTS, "An account with this email address already exists.");
        }
        history.record(user.id(), hash);
        audit.record(AuditEntry.success(AuditAction.USER_REGISTERED, user.id(), client));
        events.publish(UserEvents.CREATED, user.id(), new UserEvents.Created(user.id(), user.email(), user.firstName(),
                user.lastName(), user.phoneNumber(), user.role().name(), user.createdAt()));
        verificationEmails.send(user);
        return user;
    }
}
