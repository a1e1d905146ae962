package uk.co.lomashwood.platform.web.storage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import uk.co.lomashwood.platform.web.cdn.CdnInvalidator;
import uk.co.lomashwood.platform.web.cdn.CloudFrontInvalidator;
import uk.co.lomashwood.platform.web.cdn.CoalescingCdnInvalidator;
import uk.co.lomashwood.platform.web.cdn.NoOpCdnInvalidator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Object storage and CDN invalidation (spec 00 §5.6–5.7). Locally: files under {@code ${LOMASH_DATA_DIR}/media}
 * and no CDN. With {@code S3_BUCKET} set (and the AWS SDK's s3 module on the classpath): S3, presigned uploads.
 * With {@code CLOUDFRONT_DISTRIBUTION_ID} (and the cloudfront module): CloudFront, coalesced per 30 s window.
 * {@code AWS_ENDPOINT_URL} points both clients elsewhere (LocalStack, tests).
 */
@AutoConfiguration
public class MediaAutoConfiguration {

    static final String BASE_URL = "${lomash.media.public-base-url:${MEDIA_BASE_URL:http://localhost:3000/media}}";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "software.amazon.awssdk.services.s3.S3Client")
    @ConditionalOnExpression("'${lomash.media.s3.bucket:${S3_BUCKET:}}' != ''")
    static class S3Storage {

        @Bean
        @ConditionalOnMissingBean
        ObjectStorage objectStorage(@Value("${lomash.media.s3.bucket:${S3_BUCKET:}}") String bucket,
                                    @Value("${lomash.media.aws-region:${AWS_REGION:eu-west-2}}") String region,
                                    @Value("${lomash.media.aws-endpoint:${AWS_ENDPOINT_URL:}}") String endpoint,
                                    @Value(BASE_URL) String baseUrl) {
            S3Configuration pathStyle = S3Configuration.builder().pathStyleAccessEnabled(!endpoint.isBlank()).build();
            var client = S3Client.builder().region(Region.of(region)).serviceConfiguration(pathStyle)
                    .credentialsProvider(DefaultCredentialsProvider.builder().build());
            var presigner = S3Presigner.builder().region(Region.of(region)).serviceConfiguration(pathStyle)
                    .credentialsProvider(DefaultCredentialsProvider.builder().build());
            if (!endpoint.isBlank()) {
                client.endpointOverride(URI.create(endpoint));
                presigner.endpointOverride(URI.create(endpoint));
            }
            return new S3ObjectStorage(client.build(), presigner.build(), bucket, baseUrl);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "software.amazon.awssdk.services.cloudfront.CloudFrontClient")
    @ConditionalOnExpression("'${lomash.media.cloudfront.distribution-id:${CLOUDFRONT_DISTRIBUTION_ID:}}' != ''")
    static class CloudFront {

        @Bean
        @ConditionalOnMissingBean
        CoalescingCdnInvalidator cdnInvalidator(
                @Value("${lomash.media.cloudfront.distribution-id:${CLOUDFRONT_DISTRIBUTION_ID:}}") String distribution,
                @Value("${lomash.media.aws-endpoint:${AWS_ENDPOINT_URL:}}") String endpoint,
                @Value("${lomash.media.cloudfront.window-seconds:30}") long windowSeconds) {
            // CloudFront is a global service signed in us-east-1
            var client = CloudFrontClient.builder().region(Region.US_EAST_1)
                    .credentialsProvider(DefaultCredentialsProvider.builder().build());
            if (!endpoint.isBlank()) {
                client.endpointOverride(URI.create(endpoint));
            }
            return new CoalescingCdnInvalidator(new CloudFrontInvalidator(client.build(), distribution),
                    Duration.ofSeconds(windowSeconds));
        }
    }

    @Bean
    @ConditionalOnMissingBean
    ObjectStorage objectStorage(@Value("${LOMASH_DATA_DIR:${lomash.data-dir:./.data}}") String dataDir,
                                @Value(BASE_URL) String baseUrl) {
        return new LocalObjectStorage(Path.of(dataDir, "media"), baseUrl);
    }

    @Bean
    @ConditionalOnMissingBean
    CdnInvalidator cdnInvalidator() {
        return new NoOpCdnInvalidator();
    }
}
