package uk.co.lomashwood.auth.support;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Service settings ({@code lomash.auth.*}); token settings are in {@code lomash.auth.jwt}.
 *
 * @param publicBaseUrl          the website that serves {@code /verify-email} and {@code /reset-password}
 *                               (env {@code PUBLIC_BASE_URL})
 * @param notificationServiceUrl when set (env {@code NOTIFICATION_SERVICE_URL}), verification and reset
 *                               emails go through notification-service; otherwise straight to SMTP
 * @param jobsEnabled            scheduled jobs on this instance (env {@code JOBS_ENABLED}, default true)
 * @param mfa                    TOTP secret encryption
 */
@ConfigurationProperties("lomash.auth")
public record AuthProperties(String publicBaseUrl, String notificationServiceUrl, Boolean jobsEnabled, Mfa mfa) {

    public AuthProperties {
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:3000" : stripSlash(publicBaseUrl);
        notificationServiceUrl = notificationServiceUrl == null || notificationServiceUrl.isBlank() ? null
                : stripSlash(notificationServiceUrl);
        jobsEnabled = jobsEnabled == null || jobsEnabled;
        mfa = mfa == null ? new Mfa(null, null) : mfa;
    }

    /**
     * @param encryptionKey base64 of 32 bytes (env {@code MFA_ENCRYPTION_KEY}; from Secrets Manager in AWS)
     * @param keyStorePath  local key file used when no key is configured; generated on first start (600)
     */
    public record Mfa(String encryptionKey, Path keyStorePath) {
        public Mfa {
            keyStorePath = keyStorePath == null ? Path.of(".data", "auth", "mfa-encryption.key") : keyStorePath;
        }
    }

    private static String stripSlash(String url) {
        String trimmed = url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
