package uk.co.lomashwood.notification.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code lomash.notification.*}: addresses, links, inboxes, retry timing and the provider of each channel.
 *
 * @param retryTimeScale  multiplies every retry delay of spec 40 §1.4.4 (tests use a small value)
 * @param redriveInterval how often a DEAD_LETTERED notification gets one more attempt, until {@code redriveWindow}
 *                        after its first failure
 */
@ConfigurationProperties("lomash.notification")
public record NotificationProperties(
        @DefaultValue("Lomash Wood") String brandName,
        @DefaultValue("Lomash Wood <noreply@lomashwood.co.uk>") String from,
        @DefaultValue("hello@lomashwood.co.uk") String replyTo,
        @DefaultValue("hello@lomashwood.co.uk") String supportEmail,
        @DefaultValue("http://localhost:3000") String baseUrl,
        @DefaultValue("http://localhost:3000") String publicApiUrl,
        @DefaultValue("change-me-unsubscribe-secret") String unsubscribeSecret,
        @DefaultValue Inboxes inboxes,
        @DefaultValue("1.0") double retryTimeScale,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("15m") Duration redriveInterval,
        @DefaultValue("24h") Duration redriveWindow,
        @DefaultValue("5") int concurrency,
        @DefaultValue("60s") Duration welcomeDelay,
        @DefaultValue Sms sms,
        @DefaultValue Push push,
        @DefaultValue Ses ses,
        @DefaultValue Email email) {

    /** The fallback SMTP relay (spec 40 §1.4.1 {@code smtp-relay}); no host, no fallback. */
    public record Email(String fallbackHost, @DefaultValue("587") int fallbackPort, String fallbackUsername,
                        String fallbackPassword, @DefaultValue("true") boolean fallbackStarttls) {
    }

    /** Internal recipients of spec 40 §1.4.2. */
    public record Inboxes(
            @DefaultValue("appointments@lomashwood.co.uk") String appointments,
            @DefaultValue("kitchen@lomashwood.co.uk") String kitchenTeam,
            @DefaultValue("bedroom@lomashwood.co.uk") String bedroomTeam,
            @DefaultValue("brochure@lomashwood.co.uk") String brochure,
            @DefaultValue("partnerships@lomashwood.co.uk") String business,
            @DefaultValue("hello@lomashwood.co.uk") String contact,
            @DefaultValue("security@lomashwood.co.uk") String security,
            @DefaultValue("ops@lomashwood.co.uk") String ops,
            @DefaultValue("support@lomashwood.co.uk") String support,
            @DefaultValue("reviews@lomashwood.co.uk") String reviews) {
    }

    /**
     * SES events through SNS (spec 40 §1.4.9).
     * @param topicArns the SNS topics whose messages are accepted (none: every message is refused)
     * @param awsUrlPattern where signing certificates and subscription confirmations may be fetched from
     */
    public record Ses(java.util.List<String> topicArns,
                      @DefaultValue("^https://sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/.*$") String awsUrlPattern) {

        public Ses {
            topicArns = topicArns == null ? java.util.List.of() : topicArns.stream().filter(arn -> !arn.isBlank()).toList();
        }
    }

    /** @param provider {@code sink} (local recording) or {@code twilio} */
    public record Sms(@DefaultValue("sink") String provider, String twilioAccountSid, String twilioAuthToken,
                      String twilioFrom, String twilioMessagingServiceSid, String twilioBaseUrl) {
    }

    /** @param provider {@code sink} (local recording) or {@code firebase} */
    public record Push(@DefaultValue("sink") String provider, String firebaseCredentialsJson,
                       String firebaseCredentialsFile, String firebaseProjectId, String fcmBaseUrl) {
    }
}
