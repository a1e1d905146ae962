package uk.co.lomashwood.auth.user;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.util.UUID;

/** Read access to accounts for controllers (they never reach repositories directly). */
@Component
public class Accounts {

    private final UserRepository users;

    public Accounts(UserRepository users) {
        this.users = users;
    }

    /** @throws ApiException 404 USER_NOT_FOUND */
    @Transactional(readOnly = true)
    public User get(UUID userId) {
        return users.findById(userId).orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND, "No such user."));
    }
}
