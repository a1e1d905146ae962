package uk.co.lomashwood.notification.channel;

import com.twilio.http.TwilioRestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import uk.co.lomashwood.notification.directory.DeviceTokens;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.ChannelSender;
import uk.co.lomashwood.notification.support.NotificationProperties;

import java.time.Clock;

/**
 * One sender per channel, chosen by configuration: SMTP for email; {@code sink} (local recording) or
 * {@code twilio} for SMS; {@code sink} or {@code firebase} for push.
 */
@Configuration(proxyBeanMethods = false)
class ChannelConfig {

    private static final Logger log = LoggerFactory.getLogger(ChannelConfig.class);

    @Bean
    ChannelSender emailSender(JavaMailSender mail, NotificationProperties properties) {
        return new SmtpEmailSender(mail, properties.from(), properties.replyTo());
    }

    /** The generic SMTP relay of spec 40 §1.4.1, tried when the primary fails with a retryable error. */
    @Bean
    @ConditionalOnExpression("'${lomash.notification.email.fallback-host:}' != ''")
    ChannelSender fallbackEmailSender(NotificationProperties properties) {
        NotificationProperties.Email email = properties.email();
        org.springframework.mail.javamail.JavaMailSenderImpl relay = new org.springframework.mail.javamail.JavaMailSenderImpl();
        relay.setHost(email.fallbackHost());
        relay.setPort(email.fallbackPort());
        relay.setUsername(isBlank(email.fallbackUsername()) ? null : email.fallbackUsername());
        relay.setPassword(isBlank(email.fallbackPassword()) ? null : email.fallbackPassword());
        java.util.Properties smtp = relay.getJavaMailProperties();
        smtp.put("mail.smtp.auth", String.valueOf(!isBlank(email.fallbackUsername())));
        smtp.put("mail.smtp.starttls.enable", String.valueOf(email.fallbackStarttls()));
        smtp.put("mail.smtp.connectiontimeout", "10000");
        smtp.put("mail.smtp.timeout", "10000");
        smtp.put("mail.smtp.writetimeout", "10000");
        log.info("Email falls back to the SMTP relay {}:{}", email.fallbackHost(), email.fallbackPort());
        return new SmtpEmailSender(relay, properties.from(), properties.replyTo(), "smtp-relay", 2);
    }

    @Bean
    ChannelSender smsSender(NotificationProperties properties, Clock clock) {
        NotificationProperties.Sms sms = properties.sms();
        if (!"twilio".equalsIgnoreCase(sms.provider())) {
            log.info("SMS goes to the local recording sink (lomash.notification.sms.provider={})", sms.provider());
            return new RecordingSink(Channel.SMS, clock);
        }
        require(sms.twilioAccountSid(), "TWILIO_ACCOUNT_SID");
        require(sms.twilioAuthToken(), "TWILIO_AUTH_TOKEN");
        if (isBlank(sms.twilioFrom()) && isBlank(sms.twilioMessagingServiceSid())) {
            throw new IllegalStateException("Set TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID for Twilio SMS");
        }
        TwilioRestClient client = new TwilioRestClient.Builder(sms.twilioAccountSid(), sms.twilioAuthToken())
                .httpClient(TwilioHttpClient.create(sms.twilioBaseUrl()))
                .build();
        return new TwilioSmsSender(client, sms.twilioAccountSid(), sms.twilioFrom(), sms.twilioMessagingServiceSid(),
                java.net.URI.create(properties.publicApiUrl() + "/v1/webhooks/twilio"));
    }

    @Bean
    ChannelSender pushSender(NotificationProperties properties, DeviceTokens devices, Clock clock) {
        NotificationProperties.Push push = properties.push();
        if (!"firebase".equalsIgnoreCase(push.provider())) {
            log.info("Push goes to the local recording sink (lomash.notification.push.provider={})", push.provider());
            return new RecordingSink(Channel.PUSH, clock);
        }
        return new FirebasePushSender(FirebaseClients.messaging(push), devices);
    }

    private static void require(String value, String env) {
        if (isBlank(value)) {
            throw new IllegalStateException("Set " + env + " for Twilio SMS");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
