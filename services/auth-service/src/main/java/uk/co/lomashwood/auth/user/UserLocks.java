package uk.co.lomashwood.auth.user;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Re-reads a managed user under a row lock, so counters and role/status checks see the latest row. */
@Component
public class UserLocks {

    private final EntityManager entityManager;

    public UserLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public User lock(User user) {
        entityManager.refresh(user, LockModeType.PESSIMISTIC_WRITE);
        return user;
    }
}
