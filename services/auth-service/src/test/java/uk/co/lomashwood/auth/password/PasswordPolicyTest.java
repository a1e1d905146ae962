package uk.co.lomashwood.auth.password;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.security.Role;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    private final AtomicInteger breachChecks = new AtomicInteger();
    private final PasswordPolicy policy = new PasswordPolicy(new CommonPasswords(), password -> {
        breachChecks.incrementAndGet();
        return password.equals("Breached-Passw0rd!x");
    });
    private final PasswordContext customer = new PasswordContext("jo.bloggs@example.co.uk", "Joanna", "Bloggs", Role.CUSTOMER);
    private final PasswordContext admin = new PasswordContext("ann@example.co.uk", "Ann", "Smith", Role.ADMIN);

    @Test
    void acceptsAStrongPassphrase() {
        assertThat(policy.violations("Oak&Walnut-Kitchen-42", customer)).isEmpty();
        assertThat(breachChecks).hasValue(1);
    }

    @Test
    void customersNeedTwelveCharactersAndStaffSixteen() {
        assertThat(policy.violations("Oak&Walnut-7", customer)).isEmpty();
        assertThat(policy.violations("Oak&Walnut7", customer)).contains("must be between 12 and 128 characters");
        assertThat(policy.violations("Oak&Walnut-Pa#77", admin)).isEmpty();
        assertThat(policy.violations("Oak&Walnut-P#77", admin)).contains("must be between 16 and 128 characters");
        assertThat(policy.violations("A1!a" + "x".repeat(125), customer)).contains("must be between 12 and 128 characters");
    }

    @Test
    void needsEveryCharacterClassAndStaffNeedTwoDigitsAndTwoSpecials() {
        assertThat(policy.violations("oak&walnut-kitchen-42", customer)).contains("must contain an upper-case letter");
        assertThat(policy.violations("OAK&WALNUT-KITCHEN-42", customer)).contains("must contain a lower-case letter");
        assertThat(policy.violations("Oak&Walnut-Kitchen-xy", customer)).contains("must contain a digit");
        assertThat(policy.violations("OakWalnutKitchen42", customer)).contains("must contain a special character");
        assertThat(policy.violations("Oak&Walnut-Kitchen-Panel-4", admin)).contains("must contain at least 2 digits");
        assertThat(policy.violations("Oak&WalnutKitchenPanel42", admin)).contains("must contain at least 2 special characters");
    }

    @Test
    void allowsInnerSpacesButNotLeadingOrTrailingOnes() {
        assertThat(policy.violations("Oak and Walnut 42!", customer)).isEmpty();
        assertThat(policy.violations(" Oak and Walnut 42!", customer)).contains("must not start or end with a space");
        assertThat(policy.violations("Oak and Walnut 42! ", customer)).contains("must not start or end with a space");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jo.Bloggs-Kitchen-42!", "My-Joanna-Kitchen-42!", "Kitchen!Bloggs-2042"})
    void refusesPasswordsContainingTheEmailOrName(String candidate) {
        assertThat(policy.violations(candidate, customer)).contains("must not contain your email address or name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Password123!", "Welcome-2026!", "!!Liverpool1892", "P@ssw0rd1234"})
    void refusesCommonPasswordsEvenWithDigitsAndSymbolsAround(String candidate) {
        assertThat(policy.violations(candidate, customer)).contains("is too common; choose something less predictable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Qwerty-Oak-Panel7!", "Oak-Panel-123456!", "Zyxwvu-Oak-Panel7!", "Oak-Panel-654321!"})
    void refusesKeyboardWalks(String candidate) {
        assertThat(policy.violations(candidate, customer)).anyMatch(p -> p.startsWith("must not contain a keyboard"));
    }

    @Test
    void asksTheBreachCheckOnlyWhenEverythingElsePasses() {
        assertThat(policy.violations("Breached-Passw0rd!x", customer))
                .containsExactly("has appeared in a data breach; choose a different password");
        policy.violations("weak", customer);
        assertThat(breachChecks).hasValue(1);
    }

    @Test
    void reportsEveryProblemAsAFieldViolation() {
        assertThatThrownBy(() -> policy.check("newPassword", "short", customer))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .hasSizeGreaterThan(2)
                        .allSatisfy(v -> assertThat(v.field()).isEqualTo("newPassword")));
    }
}
