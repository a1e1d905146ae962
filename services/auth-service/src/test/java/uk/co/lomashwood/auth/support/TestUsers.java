package uk.co.lomashwood.auth.support;

import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.auth.mfa.Authenticators;
import uk.co.lomashwood.auth.mfa.Base32;
import uk.co.lomashwood.auth.password.PasswordHasher;
import uk.co.lomashwood.auth.password.PasswordHistory;
import uk.co.lomashwood.auth.user.MfaMethod;
import uk.co.lomashwood.auth.user.User;
import uk.co.lomashwood.auth.user.UserRepository;
import uk.co.lomashwood.platform.core.security.Role;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test data builder for accounts, written straight to the database (no HTTP, no emails). Hashes are
 * computed once per password and reused: Argon2id at the platform parameters is deliberately slow.
 */
public class TestUsers {

    public static final String PASSWORD = "Oak&Walnut-Kitchen-42";
    public static final String STAFF_PASSWORD = "Walnut&Oak#Panel-2026";
    private static final Map<String, String> HASHES = new ConcurrentHashMap<>();

    public record TestUser(UUID id, String email, String password, Role role, String totpSecret) {
    }

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordHistory history;
    private final Authenticators authenticators;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public TestUsers(UserRepository users, PasswordHasher hasher, PasswordHistory history,
                     Authenticators authenticators, TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.history = history;
        this.authenticators = authenticators;
        this.transactions = transactions;
        this.clock = clock;
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12) + "@example.co.uk";
    }

    /** A verified, ACTIVE account; staff get an enrolled authenticator. */
    public TestUser active(Role role) {
        boolean staff = role.isStaffAdmin();
        return create(role, staff, staff);
    }

    /** A verified ADMIN or SUPER_ADMIN who has not enrolled an authenticator yet. */
    public TestUser staffWithoutAuthenticator(Role role) {
        return create(role, false, true);
    }

    public TestUser customerWithMfa() {
        return create(Role.CUSTOMER, true, false);
    }

    private TestUser create(Role role, boolean withTotp, boolean staffPassword) {
        String password = staffPassword ? STAFF_PASSWORD : PASSWORD;
        String hash = HASHES.computeIfAbsent(password, hasher::hash);
        String email = uniqueEmail(role.name().toLowerCase().replace('_', '-'));
        String secret = withTotp ? Base32.encode(SecureTokens.randomBytes(20)) : null;
        UUID id = transactions.execute(status -> {
            User user = users.saveAndFlush(User.createVerified(email, "Test", "Person", role, hash, clock));
            history.record(user.id(), hash);
            if (secret != null) {
                authenticators.enrolKnownSecret(user.id(), secret);
                user.enableMfa(MfaMethod.TOTP, clock);
            }
            return user.id();
        });
        return new TestUser(id, email, password, role, secret);
    }
}
