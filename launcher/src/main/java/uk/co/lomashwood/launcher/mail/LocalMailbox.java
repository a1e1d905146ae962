package uk.co.lomashwood.launcher.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A real SMTP server (GreenMail) for every email the platform sends locally, and a mailbox a
 * developer can open in a browser: an HTML page at {@code /} and {@code GET /api/messages}, a JSON
 * array newest first with {@code to}, {@code subject}, {@code text} and {@code html}.
 * {@code DELETE /api/messages} empties it. Both listen on 127.0.0.1 only.
 */
public final class LocalMailbox implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final GreenMail smtp;
    private final HttpServer http;

    private LocalMailbox(GreenMail smtp, HttpServer http) {
        this.smtp = smtp;
        this.http = http;
    }

    public static LocalMailbox start(int smtpPort, int httpPort) throws IOException {
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 0);
        LocalMailbox mailbox = new LocalMailbox(smtp, http);
        http.createContext("/api/messages", mailbox::messages);
        http.createContext("/", mailbox::page);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.start();
        return mailbox;
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public int httpPort() {
        return http.getAddress().getPort();
    }

    public List<CapturedMessage> messages() {
        MimeMessage[] received = smtp.getReceivedMessages();
        List<CapturedMessage> messages = new ArrayList<>(received.length);
        for (int i = received.length - 1; i >= 0; i--) {
            messages.add(MessageReader.read(i + 1, received[i]));
        }
        return messages;
    }

    private void messages(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (exchange.getRequestMethod()) {
                case "GET" -> respond(exchange, 200, "application/json", JSON.writeValueAsBytes(messages()));
                case "DELETE" -> {
                    smtp.purgeEmailFromAllMailboxes();
                    exchange.sendResponseHeaders(204, -1);
                }
                default -> respond(exchange, 405, "application/json", "{\"error\":\"method not allowed\"}".getBytes(StandardCharsets.UTF_8));
            }
        } catch (Exception e) {
            // the mailbox is a developer tool; never let one bad request stop it
        }
    }

    private void page(HttpExchange exchange) throws IOException {
        try (exchange; InputStream page = LocalMailbox.class.getResourceAsStream("/mailbox.html")) {
            if (!"/".equals(exchange.getRequestURI().getPath()) || page == null) {
                respond(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            respond(exchange, 200, "text/html; charset=utf-8", page.readAllBytes());
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        smtp.stop();
    }
}
