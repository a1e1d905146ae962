package uk.co.lomashwood.auth.message;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.nio.charset.StandardCharsets;

/**
 * Sends the email itself over SMTP ({@code spring.mail.*}; the launcher's embedded server locally,
 * Amazon SES SMTP in AWS) until notification-service exists (issue #3).
 */
class SmtpCredentialMessageSender implements CredentialMessageSender {

    private final JavaMailSender mail;
    private final String from;

    SmtpCredentialMessageSender(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public void send(CredentialMessage message) {
        CredentialEmails.Email email = CredentialEmails.render(message.templateSlug(), message.variables());
        try {
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(message.recipientEmail());
            helper.setSubject(email.subject());
            helper.setText(email.text(), email.html());
            mail.send(mime);
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not build the email " + message.id(), e);
        }
    }
}
