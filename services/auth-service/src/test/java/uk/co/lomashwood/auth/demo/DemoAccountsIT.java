package uk.co.lomashwood.auth.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import uk.co.lomashwood.auth.mfa.Authenticators;
import uk.co.lomashwood.auth.mfa.Base32;
import uk.co.lomashwood.auth.mfa.Totp;
import uk.co.lomashwood.auth.password.PasswordContext;
import uk.co.lomashwood.auth.password.PasswordHasher;
import uk.co.lomashwood.auth.password.PasswordHistory;
import uk.co.lomashwood.auth.password.PasswordPolicy;
import uk.co.lomashwood.auth.support.AuthIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.auth.user.UserRepository;
import uk.co.lomashwood.platform.core.security.Role;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed runs against the shared test context (where {@code lomash.demo.seed} is off, so the bean is
 * built here by hand, without a proxy: as at start-up, where the runner calls {@code ensureSeeded()} itself)
 * to avoid a second Spring context.
 */
class DemoAccountsIT extends AuthIntegrationTest {

    @Autowired
    private UserRepository userRepository;
    @Autowired
    private PasswordHasher hasher;
    @Autowired
    private PasswordHistory history;
    @Autowired
    private Authenticators authenticators;
    @Autowired
    private PasswordPolicy policy;
    @Autowired
    private org.springframework.context.ApplicationContext context;

    @Test
    void seedsOneVerifiedAccountPerRoleOnceAndStaffCanPassMfa() {
        DemoAccounts demo = new DemoAccounts(userRepository, hasher, history, authenticators,
                context.getBean(org.springframework.transaction.support.TransactionTemplate.class), clock);

        demo.run(null);
        List<DemoAccount> accounts = demo.ensureSeeded();
        List<DemoAccount> again = demo.ensureSeeded();

        assertThat(again).isEqualTo(accounts);
        assertThat(accounts).extracting(DemoAccount::role)
                .containsExactly(Role.CUSTOMER, Role.CONSULTANT, Role.ADMIN, Role.SUPER_ADMIN);
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email LIKE '%@demo.lomashwood.local'")
                .query(Integer.class).single()).isEqualTo(4);
        for (DemoAccount account : accounts) {
            DemoAccounts.Person person = DemoAccounts.PEOPLE.stream().filter(p -> p.account() == account).findFirst().orElseThrow();
            assertThat(policy.violations(account.password(), new PasswordContext(account.email(), person.firstName(),
                    person.lastName(), account.role()))).as(account.email()).isEmpty();
        }
        DemoAccount customer = accounts.getFirst();
        assertThat(login(customer.email(), customer.password()).status()).isEqualTo(200);

        DemoAccount admin = accounts.get(2);
        Reply challenge = login(admin.email(), admin.password());
        assertThat(challenge.data().get("mfaRequired").asBoolean()).isTrue();
        String code = Totp.codeAt(Base32.decode(admin.totpSecretBase32OrNull()), clock.instant());
        assertThat(demo.currentTotpCode(admin)).isEqualTo(code);
        assertThat(api().post("/v1/auth/mfa/verify", body("mfaToken", challenge.data().get("mfaToken").asString(),
                "code", code)).status()).isEqualTo(200);
    }

    @Test
    void isOnlyActiveWhenTheSeedIsSwitchedOn() {
        assertThat(DemoAccounts.class.getAnnotation(ConditionalOnProperty.class).name()).containsExactly("lomash.demo.seed");
        assertThat(context.getBeanNamesForType(DemoAccounts.class)).isEmpty();
    }
}
