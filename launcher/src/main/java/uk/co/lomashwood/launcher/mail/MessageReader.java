package uk.co.lomashwood.launcher.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Pulls the recipients, subject and the plain-text and HTML bodies out of a MIME message. */
final class MessageReader {

    private MessageReader() {
    }

    static CapturedMessage read(int index, MimeMessage message) {
        try {
            Bodies bodies = new Bodies();
            collect(message, bodies);
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            Address[] from = message.getFrom();
            Instant received = message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
                    : message.getSentDate() != null ? message.getSentDate().toInstant() : Instant.now();
            return new CapturedMessage(String.valueOf(index),
                    to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
                    from == null || from.length == 0 ? null : from[0].toString(),
                    message.getSubject(), bodies.text, bodies.html, received.toString());
        } catch (MessagingException | IOException e) {
            return new CapturedMessage(String.valueOf(index), List.of(), null, "(unreadable message)", null, null,
                    Instant.now().toString());
        }
    }

    private static void collect(Part part, Bodies bodies) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && bodies.text == null) {
            bodies.text = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && bodies.html == null) {
            bodies.html = String.valueOf(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, bodies);
            }
        }
    }

    private static final class Bodies {
        String text;
        String html;
    }
}
