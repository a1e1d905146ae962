package uk.co.lomashwood.auth.user;

import java.util.Map;
import java.util.Set;

/** Account states and the transitions of spec 10 §2.5.8. */
public enum UserStatus {
    PENDING_VERIFICATION, ACTIVE, INACTIVE, SUSPENDED, DELETED;

    private static final Map<UserStatus, Set<UserStatus>> ALLOWED = Map.of(
            PENDING_VERIFICATION, Set.of(ACTIVE, DELETED),
            ACTIVE, Set.of(INACTIVE, SUSPENDED, DELETED),
            INACTIVE, Set.of(ACTIVE, DELETED),
            SUSPENDED, Set.of(ACTIVE, DELETED),
            DELETED, Set.of());

    public boolean canBecome(UserStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
