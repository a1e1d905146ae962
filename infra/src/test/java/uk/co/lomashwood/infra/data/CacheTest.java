package uk.co.lomashwood.infra.data;

import static uk.co.lomashwood.infra.Templates.data;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.assertions.Match;

/** ElastiCache 7.2 with replica (production), TLS, AUTH, KMS at rest. */
class CacheTest {

    private static final String GROUP = "AWS::ElastiCache::ReplicationGroup";

    @ParameterizedTest
    @CsvSource({"staging,cache.t4g.medium,1,false", "production,cache.r6g.large,2,true"})
    void sizedPerEnvironment(String env, String nodeType, int nodes, boolean failover) {
        data(env).resourceCountIs(GROUP, 1);
        data(env).hasResourceProperties(GROUP, Map.of(
                "Engine", "valkey", "EngineVersion", "7.2",
                "CacheNodeType", nodeType, "NumCacheClusters", nodes,
                "AutomaticFailoverEnabled", failover, "MultiAZEnabled", failover,
                "Port", 6379));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void tlsAuthAndEncryptionAtRest(String env) {
        data(env).hasResourceProperties(GROUP, Map.of(
                "TransitEncryptionEnabled", true, "TransitEncryptionMode", "required",
                "AtRestEncryptionEnabled", true,
                "KmsKeyId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("KeysDataKey.*"), "Arn")),
                "AuthToken", Map.of("Fn::Join", List.of("", List.of("{{resolve:secretsmanager:",
                        Map.of("Ref", Match.stringLikeRegexp("SecretsRedisAuthToken.*")), ":SecretString:::}}"))),
                "SecurityGroupIds", List.of(Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*SecurityGroupsRedis.*")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void evictsOnlyKeysWithTtl(String env) {
        data(env).hasResourceProperties("AWS::ElastiCache::ParameterGroup", Map.of(
                "CacheParameterGroupFamily", "valkey7",
                "Properties", Map.of("maxmemory-policy", "volatile-lru")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void placedInTheDatabaseSubnets(String env) {
        data(env).hasResourceProperties("AWS::ElastiCache::SubnetGroup", Map.of("SubnetIds", List.of(
                Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*DatabaseSubnet1.*")),
                Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*DatabaseSubnet2.*")),
                Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*DatabaseSubnet3.*")))));
    }
}
