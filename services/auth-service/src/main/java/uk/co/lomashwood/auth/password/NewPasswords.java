package uk.co.lomashwood.auth.password;

import org.springframework.stereotype.Component;
import uk.co.lomashwood.auth.user.User;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Clock;

/** Setting a password: policy (400), then history (422 {@code PASSWORD_REUSED}), then hash and remember. */
@Component
public class NewPasswords {

    private final PasswordPolicy policy;
    private final PasswordHistory history;
    private final PasswordHasher hasher;
    private final Clock clock;

    public NewPasswords(PasswordPolicy policy, PasswordHistory history, PasswordHasher hasher, Clock clock) {
        this.policy = policy;
        this.history = history;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Replaces the password of an existing user. */
    public void change(User user, String field, String candidate) {
        policy.check(field, candidate, contextOf(user));
        if (history.wasUsedRecently(user.id(), candidate)) {
            throw new ApiException(ErrorCode.PASSWORD_REUSED,
                    "Choose a password you have not used for your last 12 passwords.");
        }
        String hash = hasher.hash(candidate);
        user.changePassword(hash, clock);
        history.record(user.id(), hash);
    }

    /** The first password of a user who is about to be created; returns its hash. */
    public String firstPassword(String field, String candidate, PasswordContext context) {
        policy.check(field, candidate, context);
        return hasher.hash(candidate);
    }

    private static PasswordContext contextOf(User user) {
        return new PasswordContext(user.email(), user.firstName(), user.lastName(), user.role());
    }
}
