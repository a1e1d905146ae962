package uk.co.lomashwood.notification.channel;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.ChannelSender;
import uk.co.lomashwood.notification.message.OutboundMessage;
import uk.co.lomashwood.notification.message.ProviderException;

import java.nio.charset.StandardCharsets;

/**
 * Email over SMTP with Spring Mail: Amazon SES's SMTP interface in AWS, the launcher's embedded server locally.
 * Every email has text and HTML parts; the Message-ID is derived from the notification id so a relay can
 * recognise a resubmission.
 */
public class SmtpEmailSender implements ChannelSender {

    private final JavaMailSender mail;
    private final String from;
    private final String replyTo;
    private final String provider;
    private final int priority;

    public SmtpEmailSender(JavaMailSender mail, String from, String replyTo) {
        this(mail, from, replyTo, "smtp", 1);
    }

    /** @param provider {@code smtp} (SES SMTP interface, primary) or {@code smtp-relay} (fallback, priority 2) */
    public SmtpEmailSender(JavaMailSender mail, String from, String replyTo, String provider, int priority) {
        this.mail = mail;
        this.from = from;
        this.replyTo = replyTo;
        this.provider = provider;
        this.priority = priority;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public String send(OutboundMessage message) {
        String messageId = "<" + message.notificationId() + "@lomashwood.co.uk>";
        try {
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setReplyTo(replyTo);
            helper.setTo(message.to().getFirst());
            helper.setSubject(message.subject());
            helper.setText(message.text(), message.html());
            for (var header : message.headers().entrySet()) {
                mime.setHeader(header.getKey(), header.getValue());
            }
            mime.saveChanges();
            mime.setHeader("Message-ID", messageId);
            mail.send(mime);
            return messageId;
        } catch (MailAuthenticationException e) {
            throw ProviderException.retryable("SMTP_AUTH", e.getMessage(), e);
        } catch (MailSendException e) {
            boolean rejected = e.getFailedMessages().values().stream().anyMatch(SendFailedException.class::isInstance);
            throw rejected ? ProviderException.permanent("INVALID_ADDRESS", e.getMessage(), e)
                    : ProviderException.retryable("SMTP_SEND", e.getMessage(), e);
        } catch (MailException e) {
            throw ProviderException.retryable("SMTP", e.getMessage(), e);
        } catch (MessagingException e) {
            throw ProviderException.permanent("MESSAGE", e.getMessage(), e);
        }
    }
}
