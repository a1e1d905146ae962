package uk.co.lomashwood.infra.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.co.lomashwood.infra.Templates.edge;
import static uk.co.lomashwood.infra.Templates.list;
import static uk.co.lomashwood.infra.Templates.map;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.assertions.Match;
import uk.co.lomashwood.infra.Templates;

/** The seed's buckets and CloudFront table: OAC to S3, the ALB API origin, behaviours and TTLs. */
class CdnAndStorageTest {

    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";

    @ParameterizedTest
    @CsvSource({"staging,media", "staging,assets", "staging,logs", "production,media", "production,assets", "production,logs"})
    void seedBucketExistsPrivateEncryptedAndTlsOnly(String env, String kind) {
        String name = StorageConstruct.bucketName(Templates.config(env), kind);
        assertThat(name).startsWith("lomash-" + kind + "-");
        edge(env).hasResourceProperties("AWS::S3::Bucket", Map.of(
                "BucketName", name,
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                        "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void mediaIsVersioned(String env) {
        edge(env).hasResourceProperties("AWS::S3::Bucket", Map.of(
                "BucketName", StorageConstruct.bucketName(Templates.config(env), "media"),
                "VersioningConfiguration", Map.of("Status", "Enabled")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void behavioursFollowTheSeedsTableInPrecedenceOrder(String env) {
        Map<String, Object> config = distribution(env);
        List<String> paths = list(config.get("CacheBehaviors")).stream().map(b -> map(b).get("PathPattern").toString()).toList();
        assertThat(paths).containsExactly("/media/*", "/assets/*", "/v1/blog*", "/v1/products*", "/v1/categories*",
                "/v1/ranges*", "/v1/colours*", "/v1/sizes*", "/v1/sales*", "/v1/packages*", "/v1/*");
        assertThat(map(config.get("DefaultCacheBehavior")).get("CachePolicyId")).isEqualTo(CACHING_DISABLED);
        assertThat(behaviour(env, "/v1/*").get("CachePolicyId")).isEqualTo(CACHING_DISABLED);
        for (Object b : list(config.get("CacheBehaviors"))) {
            assertThat(map(b).get("ViewerProtocolPolicy")).isEqualTo("redirect-to-https");
        }
    }

    @ParameterizedTest
    @CsvSource({
            "staging,/media/*,31536000", "staging,/assets/*,2592000", "staging,/v1/blog*,300", "staging,/v1/products*,60",
            "production,/media/*,31536000", "production,/assets/*,2592000", "production,/v1/blog*,300",
            "production,/v1/products*,60"})
    void ttlPerBehaviour(String env, String path, int seconds) {
        Object policyRef = behaviour(env, path).get("CachePolicyId");
        String logicalId = map(policyRef).get("Ref").toString();
        Map<String, Object> policy = map(map(edge(env).findResources("AWS::CloudFront::CachePolicy").get(logicalId)).get("Properties"));
        Map<String, Object> config = map(policy.get("CachePolicyConfig"));
        assertThat(config).containsEntry("DefaultTTL", seconds).containsEntry("MaxTTL", seconds).containsEntry("MinTTL", 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void cachedApiPathsKeyOnAuthorizationSoOnlyTokenlessGetsAreShared(String env) {
        for (String path : List.of("/v1/blog*", "/v1/products*")) {
            Map<String, Object> b = behaviour(env, path);
            assertThat(b.get("CachedMethods")).isEqualTo(List.of("GET", "HEAD"));
            String logicalId = map(b.get("CachePolicyId")).get("Ref").toString();
            assertThat(edge(env).findResources("AWS::CloudFront::CachePolicy").get(logicalId).toString())
                    .contains("Authorization");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void s3OriginsUseOriginAccessControlAndTheApiOriginIsTheAlbHost(String env) {
        edge(env).resourceCountIs("AWS::CloudFront::OriginAccessControl", 2);
        Map<String, Object> config = distribution(env);
        List<Map<String, Object>> origins = list(config.get("Origins")).stream().map(Templates::map).toList();
        assertThat(origins).hasSize(3);
        assertThat(origins.stream().filter(o -> o.containsKey("OriginAccessControlId"))).hasSize(2);
        assertThat(origins).anySatisfy(o -> {
            assertThat(o.get("DomainName")).isEqualTo(Templates.config(env).apiHostName());
            assertThat(map(o.get("CustomOriginConfig"))).containsEntry("OriginProtocolPolicy", "https-only");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void distributionLogsAndRequiresModernTls(String env) {
        edge(env).hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "Logging", Match.objectLike(Map.of("Prefix", "cloudfront/")),
                "HttpVersion", "http2and3"))));
    }

    private static Map<String, Object> distribution(String env) {
        return map(Templates.properties(edge(env), "AWS::CloudFront::Distribution").get(0).get("DistributionConfig"));
    }

    private static Map<String, Object> behaviour(String env, String path) {
        return list(distribution(env).get("CacheBehaviors")).stream().map(Templates::map)
                .filter(b -> b.get("PathPattern").equals(path)).findFirst().orElseThrow();
    }
}
