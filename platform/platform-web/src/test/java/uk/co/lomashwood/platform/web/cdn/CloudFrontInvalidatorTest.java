package uk.co.lomashwood.platform.web.cdn;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The CloudFront adapter against WireMock answering CreateInvalidation (REST-XML, API 2020-05-31). */
class CloudFrontInvalidatorTest {

    private static final String PATH = "/2020-05-31/distribution/EDFDVBD6EXAMPLE/invalidation";
    private static final WireMockServer CLOUDFRONT = new WireMockServer(options().dynamicPort());
    private static CloudFrontClient client;

    @BeforeAll
    static void start() {
        CLOUDFRONT.start();
        client = CloudFrontClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + CLOUDFRONT.port()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .build();
    }

    @AfterAll
    static void stop() {
        CLOUDFRONT.stop();
    }

    @BeforeEach
    void stub() {
        CLOUDFRONT.resetAll();
        CLOUDFRONT.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "text/xml")
                .withHeader("Location", "https://cloudfront.amazonaws.com" + PATH + "/I2J0I21PCUYOIK")
                .withBody("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">
                          <Id>I2J0I21PCUYOIK</Id><Status>InProgress</Status><CreateTime>2026-11-25T21:00:00Z</CreateTime>
                          <InvalidationBatch><Paths><Quantity>1</Quantity><Items><Path>/v1/products*</Path></Items></Paths>
                          <CallerReference>ref</CallerReference></InvalidationBatch>
                        </Invalidation>""")));
    }

    @Test
    void aWindowOfWritesBecomesOneDeduplicatedInvalidation() {
        CoalescingCdnInvalidator cdn = new CoalescingCdnInvalidator(
                new CloudFrontInvalidator(client, "EDFDVBD6EXAMPLE"), Duration.ofSeconds(30));
        cdn.invalidate(List.of("/v1/products/1", "/v1/products*"));
        cdn.invalidate(List.of("/v1/products/2", "/v1/products*"));
        cdn.invalidate(List.of("/v1/products/slug/hampton-island"));

        cdn.flush();
        cdn.flush();

        CLOUDFRONT.verify(1, postRequestedFor(urlEqualTo(PATH)));
        CLOUDFRONT.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", containing("/us-east-1/cloudfront/aws4_request"))
                .withRequestBody(matchingXPath("//*[local-name()='Paths']/*[local-name()='Quantity']/text()", containing("4")))
                .withRequestBody(containing("<Path>/v1/products*</Path>"))
                .withRequestBody(containing("<Path>/v1/products/slug/hampton-island</Path>"))
                .withRequestBody(containing("http://cloudfront.amazonaws.com/doc/2020-05-31/")));
    }

    @Test
    void aFailedInvalidationIsLoggedNotThrown() {
        CLOUDFRONT.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/xml")
                .withBody("<ErrorResponse><Error><Type>Sender</Type><Code>InvalidArgument</Code>"
                        + "<Message>bad</Message></Error></ErrorResponse>")));
        new CloudFrontInvalidator(client, "EDFDVBD6EXAMPLE").invalidate(List.of("/v1/products*"));
        assertThat(CLOUDFRONT.findAll(postRequestedFor(urlEqualTo(PATH)))).hasSize(1);
    }
}
