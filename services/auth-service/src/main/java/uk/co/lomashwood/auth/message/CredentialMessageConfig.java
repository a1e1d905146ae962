package uk.co.lomashwood.auth.message;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import uk.co.lomashwood.auth.support.AuthProperties;
import uk.co.lomashwood.platform.web.client.InternalRestClientFactory;

/** Picks the credential-message channel from configuration: notification-service when its URL is set, else SMTP. */
@Configuration(proxyBeanMethods = false)
class CredentialMessageConfig {

    private static final Logger log = LoggerFactory.getLogger(CredentialMessageConfig.class);

    @Bean
    CredentialMessageSender credentialMessageSender(AuthProperties properties,
                                                    ObjectProvider<InternalRestClientFactory> clients,
                                                    ObjectProvider<JavaMailSender> mail,
                                                    @Value("${lomash.auth.mail-from:Lomash Wood <noreply@lomashwood.co.uk>}")
                                                    String from) {
        if (properties.notificationServiceUrl() != null) {
            log.info("Verification and reset emails go through notification-service at {}",
                    properties.notificationServiceUrl());
            return new NotificationServiceCredentialSender(clients.getObject().create(properties.notificationServiceUrl()));
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("Set NOTIFICATION_SERVICE_URL or spring.mail.host for verification emails");
        }
        log.info("Verification and reset emails go straight to SMTP (no NOTIFICATION_SERVICE_URL)");
        return new SmtpCredentialMessageSender(sender, from);
    }
}
