package uk.co.lomashwood.infra.data;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.elasticache.CfnParameterGroup;
import software.amazon.awscdk.services.elasticache.CfnReplicationGroup;
import software.amazon.awscdk.services.elasticache.CfnSubnetGroup;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;
import uk.co.lomashwood.infra.config.EnvironmentConfig;
import uk.co.lomashwood.infra.network.SecurityGroupsConstruct;

/**
 * The seed's "ElastiCache Redis 7.2": primary plus replica in production, TLS in transit, AUTH token,
 * encrypted at rest with the data CMK. ElastiCache's Redis OSS engine stops at 7.1; its 7.2 line is
 * Valkey 7.2, the wire-compatible continuation of Redis 7.2, so that is the engine used.
 */
public final class CacheConstruct extends Construct {

    public static final String ENGINE = "valkey";
    public static final String ENGINE_VERSION = "7.2";
    public static final String PARAMETER_FAMILY = "valkey7";

    private final CfnReplicationGroup replicationGroup;

    public CacheConstruct(Construct scope, String id, EnvironmentConfig config, List<ISubnet> subnets,
                          ISecurityGroup securityGroup, IKey dataKey, ISecret authToken) {
        super(scope, id);
        CfnSubnetGroup subnetGroup = CfnSubnetGroup.Builder.create(this, "Subnets")
                .cacheSubnetGroupName(config.physicalName("redis"))
                .description("Database subnets of " + config.name())
                .subnetIds(subnets.stream().map(ISubnet::getSubnetId).toList())
                .build();
        CfnParameterGroup parameters = CfnParameterGroup.Builder.create(this, "Parameters")
                .cacheParameterGroupFamily(PARAMETER_FAMILY)
                .description("Lomash Wood cache parameters (" + config.name() + ")")
                // Spec 00 §5.4: evict only keys that carry a TTL.
                .properties(Map.of("maxmemory-policy", "volatile-lru"))
                .build();

        boolean replicated = config.cacheReplicas() > 0;
        replicationGroup = CfnReplicationGroup.Builder.create(this, "ReplicationGroup")
                .replicationGroupId(config.physicalName("redis"))
                .replicationGroupDescription("Lomash Wood cache (" + config.name() + ")")
                .engine(ENGINE)
                .engineVersion(ENGINE_VERSION)
                .cacheNodeType(config.cacheNodeType())
                .numCacheClusters(1 + config.cacheReplicas())
                .automaticFailoverEnabled(replicated)
                .multiAzEnabled(replicated)
                .port(SecurityGroupsConstruct.REDIS_PORT)
                .cacheSubnetGroupName(subnetGroup.getRef())
                .cacheParameterGroupName(parameters.getRef())
                .securityGroupIds(List.of(securityGroup.getSecurityGroupId()))
                .transitEncryptionEnabled(true)
                .transitEncryptionMode("required")
                .authToken(authToken.getSecretValue().unsafeUnwrap())
                .atRestEncryptionEnabled(true)
                .kmsKeyId(dataKey.getKeyArn())
                .autoMinorVersionUpgrade(true)
                .snapshotRetentionLimit(config.isProduction() ? 7 : 1)
                .snapshotWindow("01:00-02:00")
                .preferredMaintenanceWindow("sun:04:30-sun:05:30")
                .build();
        replicationGroup.addResourceDependency(subnetGroup);
    }

    public CfnReplicationGroup replicationGroup() {
        return replicationGroup;
    }
}
