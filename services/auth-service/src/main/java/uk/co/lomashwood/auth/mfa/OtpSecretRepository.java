package uk.co.lomashwood.auth.mfa;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import uk.co.lomashwood.auth.user.MfaMethod;

import java.util.Optional;
import java.util.UUID;

public interface OtpSecretRepository extends JpaRepository<OtpSecret, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT s FROM OtpSecret s WHERE s.userId = :userId AND s.method = :method")
    Optional<OtpSecret> lockByUser(@Param("userId") UUID userId, @Param("method") MfaMethod method);
}
