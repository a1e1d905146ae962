package uk.co.lomashwood.auth.user;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.platform.core.security.Role;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class UserStatusTest {

    private final Clock clock = Clock.systemUTC();

    @Test
    void verifyingTheEmailActivatesAPendingAccountOnce() {
        User user = User.register("sam@example.co.uk", "Sam", "Patel", null, "hash", clock);

        assertThat(user.status()).isEqualTo(UserStatus.PENDING_VERIFICATION);
        assertThat(user.verifyEmail(clock)).isTrue();
        assertThat(user.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(user.verifyEmail(clock)).isFalse();
    }

    @Test
    void followsTheAccountStatusMachine() {
        assertThat(UserStatus.ACTIVE.canBecome(UserStatus.SUSPENDED)).isTrue();
        assertThat(UserStatus.SUSPENDED.canBecome(UserStatus.ACTIVE)).isTrue();
        assertThat(UserStatus.INACTIVE.canBecome(UserStatus.ACTIVE)).isTrue();
        assertThat(UserStatus.PENDING_VERIFICATION.canBecome(UserStatus.SUSPENDED)).isFalse();
        assertThat(UserStatus.DELETED.canBecome(UserStatus.ACTIVE)).isFalse();
        assertThat(UserStatus.ACTIVE.canBecome(UserStatus.ACTIVE)).isFalse();
    }

    @Test
    void staffAlwaysNeedASecondFactorAndCustomersOnlyWhenTheyTurnItOn() {
        User admin = User.createVerified("a@example.co.uk", "Ann", "Admin", Role.ADMIN, "hash", clock);
        User customer = User.createVerified("c@example.co.uk", "Cat", "Cole", Role.CUSTOMER, "hash", clock);

        assertThat(admin.requiresMfa()).isTrue();
        assertThat(customer.requiresMfa()).isFalse();
        customer.enableMfa(MfaMethod.TOTP, clock);
        assertThat(customer.requiresMfa()).isTrue();
    }
}
