package uk.co.lomashwood.auth.user;

/** What one more failed sign-in did to the account. */
public enum FailedLoginOutcome {
    /** Counted; the account is still open. */
    COUNTED,
    /** Five failures inside the window: locked for a growing period. */
    LOCKED_TEMPORARILY,
    /** Ten consecutive failures: locked until an admin unlocks it (or a password reset). */
    LOCKED_UNTIL_UNLOCKED
}
