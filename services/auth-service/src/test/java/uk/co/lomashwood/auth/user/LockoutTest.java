package uk.co.lomashwood.auth.user;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.platform.core.security.Role;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LockoutTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private Clock clock = Clock.fixed(START, ZoneOffset.UTC);
    private final User user = User.createVerified("jo@example.co.uk", "Jo", "Bloggs", Role.CUSTOMER, "hash", clock);

    @Test
    void fourFailuresLeaveTheAccountOpen() {
        failTimes(4, Duration.ofMinutes(1));

        assertThat(user.isLocked(clock)).isFalse();
        assertThat(user.lockout().failedAttempts()).isEqualTo(4);
    }

    @Test
    void theFifthFailureWithinFifteenMinutesLocksForFifteenMinutes() {
        failTimes(4, Duration.ofMinutes(3));
        FailedLoginOutcome fifth = user.recordFailedLogin(clock);

        assertThat(fifth).isEqualTo(FailedLoginOutcome.LOCKED_TEMPORARILY);
        assertThat(user.lockout().lockedUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(user.isLocked(clock)).isTrue();
        advance(Duration.ofMinutes(15));
        assertThat(user.isLocked(clock)).isFalse();
    }

    @Test
    void failuresSpreadBeyondTheWindowDoNotLock() {
        failTimes(5, Duration.ofMinutes(4));

        assertThat(user.isLocked(clock)).isFalse();
    }

    @Test
    void eachFurtherLockWithinADayDoublesUpToTwentyFourHours() {
        assertThat(lockOnce()).isEqualTo(Duration.ofMinutes(15));
        assertThat(lockOnce()).isEqualTo(Duration.ofMinutes(30));
        assertThat(lockOnce()).isEqualTo(Duration.ofMinutes(60));
        for (int i = 0; i < 4; i++) {
            lockOnce();
        }
        assertThat(lockOnce()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theLockCounterIsForgottenAfterADayWithoutALock() {
        lockOnce();
        advance(Duration.ofHours(25));

        assertThat(lockOnce()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void tenConsecutiveFailuresLockUntilAnAdminUnlocks() {
        failTimes(5, Duration.ofSeconds(10));
        advance(Duration.ofMinutes(16));
        failTimes(4, Duration.ofSeconds(10));
        FailedLoginOutcome tenth = user.recordFailedLogin(clock);

        assertThat(tenth).isEqualTo(FailedLoginOutcome.LOCKED_UNTIL_UNLOCKED);
        assertThat(user.lockout().lockedUntil()).isNull();
        assertThat(user.statusReason()).isEqualTo(User.ADMIN_LOCK);
        advance(Duration.ofDays(3));
        assertThat(user.isLocked(clock)).isTrue();

        user.unlock(clock);
        assertThat(user.isLocked(clock)).isFalse();
        assertThat(user.lockout().failedAttempts()).isZero();
    }

    @Test
    void failureCountersResetAfterADayWithoutFailures() {
        failTimes(4, Duration.ofSeconds(10));
        advance(Duration.ofHours(24));
        user.recordFailedLogin(clock);

        assertThat(user.lockout().failedAttempts()).isEqualTo(1);
    }

    @Test
    void aSuccessfulSignInClearsFailuresButRemembersRecentLocks() {
        lockOnce();
        failTimes(3, Duration.ofSeconds(10));
        user.recordSuccessfulLogin("203.0.113.9", clock);

        assertThat(user.lockout().failedAttempts()).isZero();
        assertThat(lockOnce()).isEqualTo(Duration.ofMinutes(30));
    }

    /** Fails until a temporary lock, waits it out, signs in; returns the lock's length. */
    private Duration lockOnce() {
        FailedLoginOutcome outcome;
        do {
            outcome = user.recordFailedLogin(clock);
            advance(Duration.ofSeconds(5));
        } while (outcome == FailedLoginOutcome.COUNTED);
        Duration length = Duration.between(clock.instant().minusSeconds(5), user.lockout().lockedUntil());
        clock = Clock.fixed(user.lockout().lockedUntil(), ZoneOffset.UTC);
        user.recordSuccessfulLogin(null, clock);
        return length;
    }

    private void failTimes(int times, Duration gap) {
        for (int i = 0; i < times; i++) {
            if (i > 0) {
                advance(gap);
            }
            user.recordFailedLogin(clock);
        }
    }

    private void advance(Duration duration) {
        clock = Clock.fixed(clock.instant().plus(duration), ZoneOffset.UTC);
    }
}
