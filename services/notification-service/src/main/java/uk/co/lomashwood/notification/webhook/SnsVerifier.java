package uk.co.lomashwood.notification.webhook;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.notification.support.NotificationProperties;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Amazon SNS message authenticity (spec 40 §1.4.9): a known message type, a topic on the allow-list, a signing
 * certificate fetched only from an AWS-owned host (cached 24 h) and a valid {@code SignatureVersion} 1 (SHA1withRSA)
 * or 2 (SHA256withRSA) signature over the canonical string SNS documents for the type.
 */
@Component
class SnsVerifier {

    private static final List<String> NOTIFICATION_KEYS = List.of("Message", "MessageId", "Subject", "Timestamp",
            "TopicArn", "Type");
    private static final List<String> SUBSCRIPTION_KEYS = List.of("Message", "MessageId", "SubscribeURL", "Timestamp",
            "Token", "TopicArn", "Type");
    private static final Duration CACHE = Duration.ofHours(24);

    private record Cached(X509Certificate certificate, Instant until) {
    }

    private final NotificationProperties.Ses ses;
    private final Pattern awsUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Cached> certificates = new ConcurrentHashMap<>();
    private final Clock clock;

    SnsVerifier(NotificationProperties properties, Clock clock) {
        this.ses = properties.ses();
        this.awsUrl = Pattern.compile(ses.awsUrlPattern());
        this.clock = clock;
    }

    void verify(JsonNode message) {
        String type = text(message, "Type");
        List<String> keys = switch (type == null ? "" : type) {
            case "Notification" -> NOTIFICATION_KEYS;
            case "SubscriptionConfirmation", "UnsubscribeConfirmation" -> SUBSCRIPTION_KEYS;
            default -> throw refused("Unknown SNS message type.");
        };
        if (!ses.topicArns().contains(text(message, "TopicArn"))) {
            throw refused("The SNS topic is not one this service subscribes to.");
        }
        String algorithm = switch (String.valueOf(text(message, "SignatureVersion"))) {
            case "1" -> "SHA1withRSA";
            case "2" -> "SHA256withRSA";
            default -> throw refused("Unsupported SNS signature version.");
        };
        StringBuilder canonical = new StringBuilder();
        for (String key : keys) {
            String value = text(message, key);
            if (value != null) {
                canonical.append(key).append('\n').append(value).append('\n');
            }
        }
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initVerify(certificate(text(message, "SigningCertURL")));
            signature.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
            if (!signature.verify(Base64.getDecoder().decode(String.valueOf(text(message, "Signature"))))) {
                throw refused("The SNS signature does not match.");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw refused("The SNS signature cannot be verified.");
        }
    }

    /** GETs a URL given by SNS (the subscription confirmation) when it is on an AWS-owned host. */
    void confirm(String subscribeUrl) {
        try {
            http.send(HttpRequest.newBuilder(awsOwned(subscribeUrl)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The SNS subscription could not be confirmed.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The SNS subscription could not be confirmed.");
        }
    }

    private X509Certificate certificate(String url) throws GeneralSecurityException {
        URI uri = awsOwned(url);
        Cached cached = certificates.get(url);
        if (cached != null && cached.until().isAfter(clock.instant())) {
            return cached.certificate();
        }
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw refused("The SNS signing certificate is not available.");
            }
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(response.body()));
            certificate.checkValidity();
            certificates.put(url, new Cached(certificate, clock.instant().plus(CACHE)));
            return certificate;
        } catch (IOException e) {
            throw refused("The SNS signing certificate is not available.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused("The SNS signing certificate is not available.");
        }
    }

    private URI awsOwned(String url) {
        if (url == null || !awsUrl.matcher(url).matches()) {
            throw refused("The SNS URL is not on an AWS-owned host.");
        }
        return URI.create(url);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static ApiException refused(String detail) {
        return new ApiException(ErrorCode.INVALID_WEBHOOK_SIGNATURE, detail);
    }
}
