package uk.co.lomashwood.auth.user;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Duration;
import java.time.Instant;

/**
 * Consecutive sign-in failures and the lock they cause (spec 00 §3.2, spec 10 §2.5.2): five failures
 * inside 15 minutes lock the account for 15 minutes, doubling with each further lock inside 24 hours
 * (cap 24 hours); ten consecutive failures lock it until an admin unlocks it. Failure counters reset
 * after 24 hours without a failure, the lock counter after 24 hours without a lock.
 */
@Embeddable
public class LockoutState {

    static final int TEMPORARY_LOCK_THRESHOLD = 5;
    static final int PERMANENT_LOCK_THRESHOLD = 10;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_LOCK = Duration.ofMinutes(15);
    static final Duration LONGEST_LOCK = Duration.ofHours(24);
    static final Duration COUNTER_RESET = Duration.ofHours(24);

    @Column(name = "failed_login_attempts", nullable = false)
    private int failedAttempts;
    @Column(name = "last_failed_login_at")
    private Instant lastFailedAt;
    @Column(name = "failure_window_started_at")
    private Instant windowStartedAt;
    @Column(name = "failures_in_window", nullable = false)
    private int failuresInWindow;
    @Column(name = "lockout_count", nullable = false)
    private int lockoutCount;
    @Column(name = "last_locked_at")
    private Instant lastLockedAt;
    @Column(name = "locked_until")
    private Instant lockedUntil;

    FailedLoginOutcome recordFailure(Instant now) {
        if (lastFailedAt != null && !now.isBefore(lastFailedAt.plus(COUNTER_RESET))) {
            clearFailures();
        }
        if (lastLockedAt != null && !now.isBefore(lastLockedAt.plus(COUNTER_RESET))) {
            lockoutCount = 0;
        }
        failedAttempts++;
        lastFailedAt = now;
        if (windowStartedAt == null || now.isAfter(windowStartedAt.plus(FAILURE_WINDOW))) {
            windowStartedAt = now;
            failuresInWindow = 0;
        }
        failuresInWindow++;
        if (failedAttempts >= PERMANENT_LOCK_THRESHOLD) {
            lock(now, null);
            return FailedLoginOutcome.LOCKED_UNTIL_UNLOCKED;
        }
        if (failuresInWindow >= TEMPORARY_LOCK_THRESHOLD) {
            lock(now, now.plus(nextLockDuration()));
            return FailedLoginOutcome.LOCKED_TEMPORARILY;
        }
        return FailedLoginOutcome.COUNTED;
    }

    /** 15 min × 2^(locks inside the last 24 h), at most 24 h. */
    Duration nextLockDuration() {
        Duration duration = FIRST_LOCK.multipliedBy(1L << Math.min(lockoutCount, 10));
        return duration.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : duration;
    }

    private void lock(Instant now, Instant until) {
        lockedUntil = until;
        lastLockedAt = now;
        lockoutCount++;
        windowStartedAt = null;
        failuresInWindow = 0;
    }

    boolean isTemporarilyLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** After a successful sign-in: failures forgotten; the lock counter keeps its 24-hour memory. */
    void recordSuccess() {
        clearFailures();
        lockedUntil = null;
    }

    /** Admin unlock or password reset: everything cleared. */
    void unlock() {
        clearFailures();
        lockedUntil = null;
        lockoutCount = 0;
    }

    private void clearFailures() {
        failedAttempts = 0;
        failuresInWindow = 0;
        windowStartedAt = null;
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public int lockoutCount() {
        return lockoutCount;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
