package uk.co.lomashwood.auth.user;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import uk.co.lomashwood.auth.support.AssignedIdEntity;
import uk.co.lomashwood.platform.core.security.Role;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An identity: credentials, role, status and lock state. Rules live here; services orchestrate. */
@Entity
@Table(name = "users")
public class User extends AssignedIdEntity {

    /** {@code status_reason} while the account is locked until an admin unlocks it. */
    public static final String ADMIN_LOCK = "ADMIN_LOCK";

    private String email;
    private boolean emailVerified;
    private Instant emailVerifiedAt;
    private String phoneNumber;
    private String firstName;
    private String lastName;
    private String passwordHash;
    private String authProvider = "EMAIL";
    @Enumerated(EnumType.STRING)
    private Role role;
    @Enumerated(EnumType.STRING)
    private UserStatus status;
    private String statusReason;
    private boolean mfaEnabled;
    @Enumerated(EnumType.STRING)
    private MfaMethod mfaMethod;
    private Instant mfaEnrolledAt;
    @Embedded
    private LockoutState lockout = new LockoutState();
    private Instant lastLoginAt;
    private String lastLoginIp;
    private Instant lastActivityAt;
    private Instant passwordChangedAt;
    private boolean forcePasswordReset;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant deletedAt;
    @Column(name = "created_by")
    private UUID createdBy;
    @Column(name = "updated_by")
    private UUID updatedBy;

    protected User() {
    }

    private User(UUID id, String email, String firstName, String lastName, String phoneNumber, Role role,
                 String passwordHash, Instant now) {
        super(id);
        this.email = Objects.requireNonNull(email);
        this.firstName = firstName;
        this.lastName = lastName;
        this.phoneNumber = phoneNumber;
        this.role = role;
        this.status = UserStatus.PENDING_VERIFICATION;
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A self-registered customer, waiting for email verification. */
    public static User register(String email, String firstName, String lastName, String phoneNumber,
                                String passwordHash, Clock clock) {
        return new User(UUID.randomUUID(), email, firstName, lastName, phoneNumber, Role.CUSTOMER, passwordHash,
                clock.instant());
    }

    /** An account created already verified (demo seed, staff provisioning). */
    public static User createVerified(String email, String firstName, String lastName, Role role,
                                      String passwordHash, Clock clock) {
        User user = new User(UUID.randomUUID(), email, firstName, lastName, null, role, passwordHash, clock.instant());
        user.verifyEmail(clock);
        return user;
    }

    /** Locked now, either for a while or until an admin unlocks it. */
    public boolean isLocked(Clock clock) {
        return ADMIN_LOCK.equals(statusReason) || lockout.isTemporarilyLocked(clock.instant());
    }

    public FailedLoginOutcome recordFailedLogin(Clock clock) {
        FailedLoginOutcome outcome = lockout.recordFailure(clock.instant());
        if (outcome == FailedLoginOutcome.LOCKED_UNTIL_UNLOCKED) {
            statusReason = ADMIN_LOCK;
        }
        touch(clock);
        return outcome;
    }

    public void recordSuccessfulLogin(String ipAddress, Clock clock) {
        lockout.recordSuccess();
        lastLoginAt = clock.instant();
        lastLoginIp = ipAddress;
        lastActivityAt = lastLoginAt;
        touch(clock);
    }

    public void unlock(Clock clock) {
        lockout.unlock();
        if (ADMIN_LOCK.equals(statusReason)) {
            statusReason = null;
        }
        touch(clock);
    }

    /** @return true when this call verified the address (false when it already was). */
    public boolean verifyEmail(Clock clock) {
        if (emailVerified) {
            return false;
        }
        emailVerified = true;
        emailVerifiedAt = clock.instant();
        if (status == UserStatus.PENDING_VERIFICATION) {
            status = UserStatus.ACTIVE;
            statusReason = null;
        }
        touch(clock);
        return true;
    }

    public void changePassword(String newHash, Clock clock) {
        passwordHash = Objects.requireNonNull(newHash);
        passwordChangedAt = clock.instant();
        forcePasswordReset = false;
        touch(clock);
    }

    /** A transparent rehash (legacy bcrypt or old Argon2 parameters): not a password change. */
    public void upgradePasswordHash(String newHash, Clock clock) {
        passwordHash = Objects.requireNonNull(newHash);
        touch(clock);
    }

    /** Applies a status change allowed by {@link UserStatus#canBecome}; false when not allowed. */
    public boolean changeStatus(UserStatus next, String reason, UUID actorId, Clock clock) {
        if (!status.canBecome(next)) {
            return false;
        }
        status = next;
        statusReason = reason;
        updatedBy = actorId;
        touch(clock);
        return true;
    }

    public void changeRole(Role newRole, UUID actorId, Clock clock) {
        role = Objects.requireNonNull(newRole);
        updatedBy = actorId;
        touch(clock);
    }

    public void enableMfa(MfaMethod method, Clock clock) {
        mfaEnabled = true;
        mfaMethod = method;
        mfaEnrolledAt = clock.instant();
        touch(clock);
    }

    /**
     * GDPR erasure (spec 00 §3.15): pseudonymous email {@code deleted-{id}@erased.invalid}, names
     * "Deleted"/"User", no phone, no password, MFA off, status DELETED (reason ERASURE).
     */
    public void erase(Clock clock) {
        email = "deleted-" + id() + "@erased.invalid";
        firstName = "Deleted";
        lastName = "User";
        phoneNumber = null;
        passwordHash = null;
        lastLoginIp = null;
        mfaEnabled = false;
        mfaMethod = null;
        mfaEnrolledAt = null;
        status = UserStatus.DELETED;
        statusReason = "ERASURE";
        deletedAt = clock.instant();
        touch(clock);
    }

    /** Names and phone as customer-service (their editor for customers) last saved them. */
    public void copyProfile(String newFirstName, String newLastName, String newPhone, Clock clock) {
        firstName = newFirstName == null ? firstName : newFirstName;
        lastName = newLastName == null ? lastName : newLastName;
        phoneNumber = newPhone == null ? phoneNumber : newPhone;
        touch(clock);
    }

    public boolean requiresMfa() {
        return mfaEnabled || role.isStaffAdmin();
    }

    private void touch(Clock clock) {
        updatedAt = clock.instant();
    }

    public String email() { return email; }
    public boolean emailVerified() { return emailVerified; }
    public Instant emailVerifiedAt() { return emailVerifiedAt; }
    public String phoneNumber() { return phoneNumber; }
    public String firstName() { return firstName; }
    public String lastName() { return lastName; }
    public String passwordHash() { return passwordHash; }
    public Role role() { return role; }
    public UserStatus status() { return status; }
    public String statusReason() { return statusReason; }
    public boolean mfaEnabled() { return mfaEnabled; }
    public LockoutState lockout() { return lockout; }
    public Instant lastLoginAt() { return lastLoginAt; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant deletedAt() { return deletedAt; }
}
