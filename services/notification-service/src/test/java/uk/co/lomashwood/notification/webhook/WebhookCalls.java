package uk.co.lomashwood.notification.webhook;

import uk.co.lomashwood.notification.support.ProviderStubs;
import uk.co.lomashwood.platform.test.PlatformTestProperties;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Callbacks as Twilio and Amazon SNS send them: Twilio's form post signed with HMAC-SHA1 of URL + sorted parameters
 * (computed here by hand, not with the SDK the service uses), and SNS messages signed with an RSA key whose
 * self-signed certificate (made with the JDK's keytool) is served by the WireMock "AWS".
 */
final class WebhookCalls {

    static final String PUBLIC_TWILIO_URL = "https://www.lomashwood.test/v1/webhooks/twilio";
    static final String CERT_PATH = "/sns/SimpleNotificationService-test.pem";

    private static PrivateKey snsKey;

    private WebhookCalls() {
    }

    static String twilioSignature(Map<String, String> form, String authToken) {
        StringBuilder data = new StringBuilder(PUBLIC_TWILIO_URL);
        new TreeMap<>(form).forEach((key, value) -> data.append(key).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> post(int port, String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType)
                .header("X-Internal-Token", PlatformTestProperties.INTERNAL_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** A key pair and self-signed certificate, the certificate served where SigningCertURL points. */
    static synchronized void serveSigningCertificate() throws Exception {
        if (snsKey != null) {
            return;
        }
        Path dir = Files.createTempDirectory("sns-cert");
        Path store = dir.resolve("sns.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "sns", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=sns.eu-west-2.amazonaws.com", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException(new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(new ByteArrayInputStream(Files.readAllBytes(store)), "changeit".toCharArray());
        Certificate certificate = keys.getCertificate("sns");
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        ProviderStubs.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(CERT_PATH)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200).withBody(pem)));
        snsKey = (PrivateKey) keys.getKey("sns", "changeit".toCharArray());
    }

    /** An SNS Notification envelope around an SES event, signed (SignatureVersion 2) over the canonical string. */
    static Map<String, Object> snsNotification(String messageId, String topicArn, String message) {
        Map<String, Object> sns = new TreeMap<>();
        sns.put("Type", "Notification");
        sns.put("MessageId", messageId);
        sns.put("TopicArn", topicArn);
        sns.put("Message", message);
        sns.put("Timestamp", "2026-11-25T10:00:00.000Z");
        sns.put("SignatureVersion", "2");
        sns.put("SigningCertURL", ProviderStubs.baseUrl() + CERT_PATH);
        sns.put("Signature", sign("Message\n" + message + "\nMessageId\n" + messageId + "\nTimestamp\n"
                + "2026-11-25T10:00:00.000Z\nTopicArn\n" + topicArn + "\nType\nNotification\n"));
        return sns;
    }

    static Map<String, Object> snsSubscription(String topicArn, String subscribeUrl) {
        Map<String, Object> sns = new TreeMap<>();
        String message = "You have chosen to subscribe to the topic " + topicArn;
        sns.put("Type", "SubscriptionConfirmation");
        sns.put("MessageId", "sub-" + java.util.UUID.randomUUID());
        sns.put("Token", "2336412f37f");
        sns.put("TopicArn", topicArn);
        sns.put("Message", message);
        sns.put("SubscribeURL", subscribeUrl);
        sns.put("Timestamp", "2026-11-25T10:00:00.000Z");
        sns.put("SignatureVersion", "1");
        sns.put("SigningCertURL", ProviderStubs.baseUrl() + CERT_PATH);
        sns.put("Signature", sign("SHA1withRSA", "Message\n" + message + "\nMessageId\n" + sns.get("MessageId")
                + "\nSubscribeURL\n" + subscribeUrl + "\nTimestamp\n2026-11-25T10:00:00.000Z\nToken\n2336412f37f\nTopicArn\n"
                + topicArn + "\nType\nSubscriptionConfirmation\n"));
        return sns;
    }

    private static String sign(String canonical) {
        return sign("SHA256withRSA", canonical);
    }

    private static String sign(String algorithm, String canonical) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(snsKey);
            signature.update(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
