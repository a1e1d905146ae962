package uk.co.lomashwood.infra.edge;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;
import uk.co.lomashwood.infra.config.EnvironmentConfig;

/**
 * The seed's buckets lomash-media, lomash-assets and lomash-logs. Bucket names are global, so each carries
 * the environment and account: {@code lomash-media-prod-<account>}.
 */
public final class StorageConstruct extends Construct {

    private final Bucket media;
    private final Bucket assets;
    private final Bucket logs;

    public StorageConstruct(Construct scope, String id, EnvironmentConfig config) {
        super(scope, id);
        // ALB access logs need SSE-S3 and CloudFront standard logs need ACLs, hence the logs bucket's settings.
        logs = Bucket.Builder.create(this, "Logs")
                .bucketName(bucketName(config, "logs"))
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
                .enforceSsl(true)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("archive-then-expire")
                        .transitions(List.of(Transition.builder()
                                .storageClass(StorageClass.GLACIER_INSTANT_RETRIEVAL)
                                .transitionAfter(Duration.days(30)).build()))
                        // Spec 00 §8.2: security audit logs are kept two years.
                        .expiration(Duration.days(730))
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();

        media = Bucket.Builder.create(this, "Media")
                .bucketName(bucketName(config, "media"))
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(true)
                .serverAccessLogsBucket(logs)
                .serverAccessLogsPrefix("s3/media/")
                // Presigned uploads from the admin site (spec 00 §3.8) are browser PUTs.
                .cors(List.of(CorsRule.builder()
                        .allowedMethods(List.of(HttpMethods.PUT))
                        .allowedOrigins(List.of("https://admin." + config.domainName(), "https://www." + config.domainName(),
                                "https://" + config.domainName()))
                        .allowedHeaders(List.of("Content-Type", "Content-Length"))
                        .maxAge(3000)
                        .build()))
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-old-versions")
                        .noncurrentVersionExpiration(Duration.days(90)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();

        assets = Bucket.Builder.create(this, "Assets")
                .bucketName(bucketName(config, "assets"))
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(true)
                .serverAccessLogsBucket(logs)
                .serverAccessLogsPrefix("s3/assets/")
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    public static String bucketName(EnvironmentConfig config, String kind) {
        return "lomash-" + kind + "-" + config.resourcePrefix().substring("lomash-".length()) + "-" + config.account();
    }

    public Bucket media() {
        return media;
    }

    public Bucket assets() {
        return assets;
    }

    public Bucket logs() {
        return logs;
    }
}
