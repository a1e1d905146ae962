package uk.co.lomashwood.platform.test.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One GreenMail SMTP server for the whole test JVM, and helpers to read what a service sent (point {@code spring.mail.port} at {@link #port()}). */
public final class Mailbox {

    public record Mail(String to, String subject, String text, String html) {
        public String find(String regex) {
            Matcher matcher = Pattern.compile(regex).matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("No match for " + regex + " in:\n" + text);
            }
            return matcher.group(1);
        }
    }

    private static final GreenMail SERVER = start();

    private Mailbox() {
    }

    public static int port() {
        return SERVER.getSmtp().getPort();
    }

    /** The newest message to {@code address}, waiting up to 10 s for it to arrive. */
    public static Mail latestTo(String address) {
        return awaitCount(address, 1).getLast();
    }

    /** Waits until at least {@code count} messages were sent to {@code address}; returns them oldest first. */
    public static List<Mail> awaitCount(String address, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            List<Mail> mails = to(address);
            if (mails.size() >= count) {
                return mails;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Expected " + count + " message(s) to " + address + ", got " + mails.size());
            }
            sleep();
        }
    }

    public static List<Mail> to(String address) {
        return Arrays.stream(SERVER.getReceivedMessages())
                .filter(m -> recipients(m).contains(address))
                .map(m -> read(m, address))
                .toList();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] all = message.getRecipients(Message.RecipientType.TO);
            return all == null ? List.of() : Arrays.stream(all).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mail read(MimeMessage message, String to) {
        try {
            return new Mail(to, message.getSubject(), part(message, "text/plain").orElse(""),
                    part(message, "text/html").orElse(""));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return Optional.of(part.getContent().toString());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<String> found = part(child, type);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "greenmail-stop"));
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
