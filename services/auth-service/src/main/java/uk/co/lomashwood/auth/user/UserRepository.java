package uk.co.lomashwood.auth.user;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Optional;
import java.util.UUID;

public interface UserRepository extends JpaRepository<User, UUID> {

    /** Case-insensitive through the CITEXT column (the cast keeps the unique index usable). */
    @Query(value = "SELECT * FROM users WHERE email = CAST(:email AS citext)", nativeQuery = true)
    Optional<User> findByEmail(@Param("email") String email);

    @Query(value = "SELECT EXISTS (SELECT 1 FROM users WHERE email = CAST(:email AS citext))", nativeQuery = true)
    boolean existsByEmail(@Param("email") String email);

    boolean existsByPhoneNumber(String phoneNumber);

    /** The row locked for the rest of the transaction (failure counters, role and status changes). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT u FROM User u WHERE u.id = :id")
    Optional<User> lockById(@Param("id") UUID id);

    @Query(value = "SELECT count(*) FROM users WHERE role = 'SUPER_ADMIN' AND status = 'ACTIVE' AND id <> :excluded",
            nativeQuery = true)
    long countOtherActiveSuperAdmins(@Param("excluded") UUID excluded);
}
