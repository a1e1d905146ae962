package uk.co.lomashwood.auth.session;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface SessionRepository extends JpaRepository<Session, UUID> {

    /** Owner-scoped lookup (spec 00 §3.9): another user's session is as missing as an unknown one. */
    Optional<Session> findByIdAndUserId(UUID id, UUID userId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT s FROM Session s WHERE s.id = :id")
    Optional<Session> lockById(@Param("id") UUID id);

    /** Live sessions, oldest first, locked so that concurrent sign-ins respect the limit. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            SELECT s FROM Session s WHERE s.userId = :userId AND s.isActive = true AND s.revokedAt IS NULL
              AND s.expiresAt > :now ORDER BY s.createdAt ASC, s.id ASC""")
    List<Session> lockLiveSessions(@Param("userId") UUID userId, @Param("now") Instant now);

    @Query("""
            SELECT s FROM Session s WHERE s.userId = :userId AND s.isActive = true AND s.revokedAt IS NULL
            ORDER BY s.createdAt ASC""")
    List<Session> findActive(@Param("userId") UUID userId);

    @Query("""
            SELECT count(s) FROM Session s WHERE s.userId = :userId AND s.isActive = true AND s.revokedAt IS NULL
              AND s.expiresAt > :now""")
    long countLive(@Param("userId") UUID userId, @Param("now") Instant now);

    /** Whether the user signed in from this browser and OS pair since {@code since} (new-device alert). */
    @Query("""
            SELECT count(s) > 0 FROM Session s WHERE s.userId = :userId AND s.createdAt >= :since
              AND s.id <> :exclude AND coalesce(s.browser, '') = coalesce(:browser, '') AND coalesce(s.os, '') = coalesce(:os, '')""")
    boolean seenDevice(@Param("userId") UUID userId, @Param("since") Instant since, @Param("exclude") UUID exclude,
                       @Param("browser") String browser, @Param("os") String os);

    boolean existsByUserIdAndIdNot(UUID userId, UUID exclude);

    Page<Session> findByUserId(UUID userId, Pageable page);

    @Query(value = """
            SELECT s FROM Session s WHERE s.userId = :userId AND s.isActive = true AND s.revokedAt IS NULL
              AND s.expiresAt > :now""",
            countQuery = """
            SELECT count(s) FROM Session s WHERE s.userId = :userId AND s.isActive = true AND s.revokedAt IS NULL
              AND s.expiresAt > :now""")
    Page<Session> findLive(@Param("userId") UUID userId, @Param("now") Instant now, Pageable page);
}
