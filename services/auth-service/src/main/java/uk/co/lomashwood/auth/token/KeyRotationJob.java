package uk.co.lomashwood.auth.token;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.auth.support.JobLock;

import java.time.Duration;

/**
 * rotate-tokens, daily at 02:00 (spec 10 §2.7): rotates the local signing key when it is 90 days old and
 * drops the previous key from the JWKS 24 h later. Keys read from {@code JWT_SIGNING_KEYS} are rotated by
 * Secrets Manager instead. (Revoked refresh-token families are purged by cleanup-sessions.)
 */
@Component
public class KeyRotationJob {

    private final SigningKeys keys;
    private final JobLock jobLock;

    public KeyRotationJob(SigningKeys keys, JobLock jobLock) {
        this.keys = keys;
        this.jobLock = jobLock;
    }

    @Scheduled(cron = "0 0 2 * * *", zone = "UTC")
    public void scheduled() {
        jobLock.runExclusively("rotate-tokens", Duration.ofMinutes(10), keys::rotateIfDue);
    }
}
