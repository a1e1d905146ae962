package uk.co.lomashwood.auth.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.auth.mfa.Authenticators;
import uk.co.lomashwood.auth.mfa.Totp;
import uk.co.lomashwood.auth.password.PasswordHasher;
import uk.co.lomashwood.auth.password.PasswordHistory;
import uk.co.lomashwood.auth.user.MfaMethod;
import uk.co.lomashwood.auth.user.User;
import uk.co.lomashwood.auth.user.UserRepository;
import uk.co.lomashwood.platform.core.security.Role;

import java.time.Clock;
import java.util.List;

/**
 * Local demo data ({@code lomash.demo.seed=true}, never in AWS): one verified account per role with the
 * fixed passwords below (they satisfy the password policy) and, for ADMIN and SUPER_ADMIN, an enrolled
 * TOTP authenticator with a fixed secret. Seeded on start and by {@link #ensureSeeded()}; existing
 * accounts are left untouched.
 *
 * <pre>
 * customer@demo.lomashwood.local    Oak&amp;Walnut-Kitchen-42     CUSTOMER
 * consultant@demo.lomashwood.local  Shaker#Doors-Design-7      CONSULTANT
 * admin@demo.lomashwood.local       Walnut&amp;Oak#Panel-2026     ADMIN        TOTP LWDEMOADMINTOTPSECRETKEY234567AB
 * superadmin@demo.lomashwood.local  Maple$Cabinet#Joinery-88   SUPER_ADMIN  TOTP LWDEMOSUPERADMINTOTPSECRETKEY234
 * </pre>
 *
 * A developer gets the current code with any authenticator app, with {@link #currentTotpCode(DemoAccount)},
 * or on the command line: {@code java services/auth-service/src/main/java/uk/co/lomashwood/auth/mfa/Totp.java SECRET}.
 */
@Component
@ConditionalOnProperty(name = "lomash.demo.seed", havingValue = "true")
public class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    record Person(DemoAccount account, String firstName, String lastName) {
    }

    static final List<Person> PEOPLE = List.of(
            new Person(new DemoAccount("customer@demo.lomashwood.local", "Oak&Walnut-Kitchen-42", Role.CUSTOMER, null),
                    "Charlotte", "Evans"),
            new Person(new DemoAccount("consultant@demo.lomashwood.local", "Shaker#Doors-Design-7", Role.CONSULTANT,
                    null), "Oliver", "Bennett"),
            new Person(new DemoAccount("admin@demo.lomashwood.local", "Walnut&Oak#Panel-2026", Role.ADMIN,
                    "LWDEMOADMINTOTPSECRETKEY234567AB"), "Priya", "Shah"),
            new Person(new DemoAccount("superadmin@demo.lomashwood.local", "Maple$Cabinet#Joinery-88", Role.SUPER_ADMIN,
                    "LWDEMOSUPERADMINTOTPSECRETKEY234"), "George", "Whitfield"));

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordHistory history;
    private final Authenticators authenticators;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public DemoAccounts(UserRepository users, PasswordHasher hasher, PasswordHistory history,
                        Authenticators authenticators, TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.history = history;
        this.authenticators = authenticators;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureSeeded();
    }

    /** Creates the missing demo accounts in one transaction (also when self-invoked); returns all four. */
    public List<DemoAccount> ensureSeeded() {
        transactions.executeWithoutResult(status -> seedMissing());
        return accounts();
    }

    private void seedMissing() {
        for (Person person : PEOPLE) {
            DemoAccount account = person.account();
            if (users.existsByEmail(account.email())) {
                continue;
            }
            String hash = hasher.hash(account.password());
            User user = users.saveAndFlush(User.createVerified(account.email(), person.firstName(), person.lastName(),
                    account.role(), hash, clock));
            history.record(user.id(), hash);
            if (account.totpSecretBase32OrNull() != null) {
                authenticators.enrolKnownSecret(user.id(), account.totpSecretBase32OrNull());
                user.enableMfa(MfaMethod.TOTP, clock);
            }
            log.info("Seeded demo account {} ({})", account.email(), account.role());
        }
    }

    public List<DemoAccount> accounts() {
        return PEOPLE.stream().map(Person::account).toList();
    }

    /** The code an authenticator shows now for a staff demo account (null for the others). */
    public String currentTotpCode(DemoAccount account) {
        return account.totpSecretBase32OrNull() == null ? null
                : Totp.codeAt(uk.co.lomashwood.auth.mfa.Base32.decode(account.totpSecretBase32OrNull()), clock.instant());
    }
}
