package uk.co.lomashwood.platform.web.storage;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The S3 adapter against a WireMock server speaking S3's REST wire format (path-style addressing). */
class S3ObjectStorageTest {

    private static final WireMockServer S3 = new WireMockServer(options().dynamicPort());
    private static S3ObjectStorage storage;

    @BeforeAll
    static void start() {
        S3.start();
        URI endpoint = URI.create("http://127.0.0.1:" + S3.port());
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
        S3Configuration pathStyle = S3Configuration.builder().pathStyleAccessEnabled(true).build();
        S3Client client = S3Client.builder().region(Region.EU_WEST_2).endpointOverride(endpoint)
                .credentialsProvider(credentials).serviceConfiguration(pathStyle)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED).build();
        S3Presigner presigner = S3Presigner.builder().region(Region.EU_WEST_2).endpointOverride(endpoint)
                .credentialsProvider(credentials).serviceConfiguration(pathStyle).build();
        storage = new S3ObjectStorage(client, presigner, "lomash-media", "https://media.lomashwood.test");
    }

    @AfterAll
    static void stop() {
        S3.stop();
    }

    @Test
    void putSendsASignedPutObjectWithTheContentTypeAndBytes() {
        byte[] png = "\u0089PNG fake image".getBytes(StandardCharsets.ISO_8859_1);
        S3.stubFor(put(urlEqualTo("/lomash-media/products/images/abc.png"))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"9b2cf535f27731c974343645a3985328\"")));

        String url = storage.put("products/images/abc.png", png, "image/png");

        assertThat(url).isEqualTo("https://media.lomashwood.test/products/images/abc.png");
        S3.verify(putRequestedFor(urlEqualTo("/lomash-media/products/images/abc.png"))
                .withHeader("Content-Type", equalTo("image/png"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/eu-west-2/s3/aws4_request.*"))
                // aws-chunked: the payload travels in signed chunks, its decoded length in a header
                .withHeader("x-amz-decoded-content-length", equalTo(String.valueOf(png.length)))
                .withRequestBody(containing("PNG fake image")));
    }

    @Test
    void getAndExistsReadObjectsAndTreatMissingOnesAsAbsent() {
        S3.stubFor(get(urlEqualTo("/lomash-media/products/images/here.png"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(new byte[] {1, 2, 3})));
        S3.stubFor(get(urlEqualTo("/lomash-media/products/images/gone.png")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/xml")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
                        + "<Message>The specified key does not exist.</Message></Error>")));
        S3.stubFor(head(urlEqualTo("/lomash-media/products/images/gone.png")).willReturn(aResponse().withStatus(404)));
        S3.stubFor(head(urlEqualTo("/lomash-media/products/images/here.png")).willReturn(aResponse().withStatus(200)));

        var found = storage.get("products/images/here.png");
        assertThat(found).isPresent();
        assertThat(found.get().content()).containsExactly(1, 2, 3);
        assertThat(found.get().contentType()).isEqualTo("image/png");
        assertThat(storage.get("products/images/gone.png")).isEmpty();
        assertThat(storage.exists("products/images/here.png")).isTrue();
        assertThat(storage.exists("products/images/gone.png")).isFalse();
        assertThat(storage.get("../etc/passwd")).isEmpty();
    }

    @Test
    void presignedUploadsAreSignedTimeLimitedPuts() {
        String url = storage.presignedPutUrl("media/2026/11/x.jpg", "image/jpeg", Duration.ofMinutes(10)).orElseThrow();
        assertThat(url).startsWith("http://127.0.0.1:" + S3.port() + "/lomash-media/media/2026/11/x.jpg?")
                .contains("X-Amz-Expires=600").contains("X-Amz-Signature=");
    }

    @Test
    void presignedDownloadsAreSignedTimeLimitedGets() {
        String url = storage.presignedGetUrl("invoices/2026/INV-2026-0001.pdf", Duration.ofSeconds(300)).orElseThrow();
        assertThat(url).startsWith("http://127.0.0.1:" + S3.port() + "/lomash-media/invoices/2026/INV-2026-0001.pdf?")
                .contains("X-Amz-Expires=300").contains("X-Amz-Signature=").doesNotContain("X-Amz-SignedHeaders=content-type");
    }
}
