package uk.co.lomashwood.infra.edge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CacheCookieBehavior;
import software.amazon.awscdk.services.cloudfront.CacheHeaderBehavior;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.CacheQueryStringBehavior;
import software.amazon.awscdk.services.cloudfront.CachedMethods;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.ICachePolicy;
import software.amazon.awscdk.services.cloudfront.IOrigin;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.OriginSslPolicy;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.SecurityPolicyProtocol;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.constructs.Construct;
import uk.co.lomashwood.infra.config.EnvironmentConfig;

/**
 * The seed's CloudFront table: S3 media (365 days) and assets (30 days) through origin access control,
 * the API on the ALB uncached except GET blog (5 minutes) and GET catalogue lists (1 minute). Spec 00 §5.7
 * extends the one-minute rule to the other catalogue prefixes, so they share it.
 */
public final class CdnConstruct extends Construct {

    public static final Duration MEDIA_TTL = Duration.days(365);
    public static final Duration ASSETS_TTL = Duration.days(30);
    public static final Duration BLOG_TTL = Duration.minutes(5);
    public static final Duration CATALOGUE_TTL = Duration.minutes(1);

    /** Catalogue prefixes cached for one minute: the seed's {@code /v1/products} plus spec 00 §5.7's list. */
    public static final List<String> CATALOGUE_PATHS = List.of(
            "/v1/products*", "/v1/categories*", "/v1/ranges*", "/v1/colours*", "/v1/sizes*", "/v1/sales*",
            "/v1/packages*");

    private final Distribution distribution;

    public CdnConstruct(Construct scope, String id, EnvironmentConfig config, StorageConstruct storage) {
        super(scope, id);
        IOrigin media = S3BucketOrigin.withOriginAccessControl(storage.media());
        IOrigin assets = S3BucketOrigin.withOriginAccessControl(storage.assets());
        IOrigin api = HttpOrigin.Builder.create(config.apiHostName())
                .protocolPolicy(OriginProtocolPolicy.HTTPS_ONLY)
                .originSslProtocols(List.of(OriginSslPolicy.TLS_V1_2))
                .readTimeout(Duration.seconds(60))
                .build();

        ICachePolicy mediaPolicy = staticPolicy("MediaCache", config.physicalName("media-365d"), MEDIA_TTL);
        ICachePolicy assetsPolicy = staticPolicy("AssetsCache", config.physicalName("assets-30d"), ASSETS_TTL);
        ICachePolicy blogPolicy = apiPolicy("BlogCache", config.physicalName("api-blog-5m"), BLOG_TTL);
        ICachePolicy cataloguePolicy = apiPolicy("CatalogueCache", config.physicalName("api-catalogue-1m"), CATALOGUE_TTL);

        BehaviorOptions passThrough = apiBehavior(api, CachePolicy.CACHING_DISABLED);
        // Insertion order is CloudFront's precedence: specific API paths before the /v1/* catch-all.
        Map<String, BehaviorOptions> behaviors = new LinkedHashMap<>();
        behaviors.put("/media/*", s3Behavior(media, mediaPolicy));
        behaviors.put("/assets/*", s3Behavior(assets, assetsPolicy));
        behaviors.put("/v1/blog*", apiBehavior(api, blogPolicy));
        CATALOGUE_PATHS.forEach(path -> behaviors.put(path, apiBehavior(api, cataloguePolicy)));
        behaviors.put("/v1/*", passThrough);

        distribution = Distribution.Builder.create(this, "Distribution")
                .comment("Lomash Wood " + config.name())
                .defaultBehavior(passThrough)
                .additionalBehaviors(behaviors)
                .priceClass(PriceClass.PRICE_CLASS_100)
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .minimumProtocolVersion(SecurityPolicyProtocol.TLS_V1_2_2021)
                .enableIpv6(true)
                .enableLogging(true)
                .logBucket(storage.logs())
                .logFilePrefix("cloudfront/")
                .build();
    }

    public Distribution distribution() {
        return distribution;
    }

    private CachePolicy staticPolicy(String id, String name, Duration ttl) {
        return CachePolicy.Builder.create(this, id)
                .cachePolicyName(name)
                .defaultTtl(ttl).maxTtl(ttl).minTtl(Duration.seconds(0))
                .headerBehavior(CacheHeaderBehavior.none())
                .queryStringBehavior(CacheQueryStringBehavior.none())
                .cookieBehavior(CacheCookieBehavior.none())
                .enableAcceptEncodingGzip(true).enableAcceptEncodingBrotli(true)
                .build();
    }

    /**
     * Only GET/HEAD are cached. Authorization is part of the key, so an authenticated response is never
     * served to anyone else and only token-less requests share entries; origin no-store still wins (min 0).
     */
    private CachePolicy apiPolicy(String id, String name, Duration ttl) {
        return CachePolicy.Builder.create(this, id)
                .cachePolicyName(name)
                .defaultTtl(ttl).maxTtl(ttl).minTtl(Duration.seconds(0))
                .headerBehavior(CacheHeaderBehavior.allowList("Authorization"))
                .queryStringBehavior(CacheQueryStringBehavior.all())
                .cookieBehavior(CacheCookieBehavior.none())
                .enableAcceptEncodingGzip(true).enableAcceptEncodingBrotli(true)
                .build();
    }

    private static BehaviorOptions s3Behavior(IOrigin origin, ICachePolicy policy) {
        return BehaviorOptions.builder()
                .origin(origin)
                .cachePolicy(policy)
                .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                .allowedMethods(AllowedMethods.ALLOW_GET_HEAD)
                .cachedMethods(CachedMethods.CACHE_GET_HEAD)
                .compress(true)
                .responseHeadersPolicy(ResponseHeadersPolicy.SECURITY_HEADERS)
                .build();
    }

    private static BehaviorOptions apiBehavior(IOrigin origin, ICachePolicy policy) {
        return BehaviorOptions.builder()
                .origin(origin)
                .cachePolicy(policy)
                .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                .allowedMethods(AllowedMethods.ALLOW_ALL)
                .cachedMethods(CachedMethods.CACHE_GET_HEAD)
                .compress(true)
                .build();
    }
}
