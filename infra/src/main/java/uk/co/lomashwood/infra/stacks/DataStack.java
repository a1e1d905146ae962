package uk.co.lomashwood.infra.stacks;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;
import uk.co.lomashwood.infra.config.EnvironmentConfig;
import uk.co.lomashwood.infra.data.CacheConstruct;
import uk.co.lomashwood.infra.data.DatabaseConstruct;
import uk.co.lomashwood.infra.data.EncryptionKeys;
import uk.co.lomashwood.infra.data.SecretsConstruct;

/** KMS keys, secrets, PostgreSQL and the cache: everything stateful except objects and images. */
public final class DataStack extends Stack {

    private final EncryptionKeys keys;
    private final SecretsConstruct secrets;
    private final DatabaseConstruct database;
    private final CacheConstruct cache;

    public DataStack(Construct scope, String id, StackProps props, EnvironmentConfig config, NetworkStack network) {
        super(scope, id, props);
        keys = new EncryptionKeys(this, "Keys", config);
        secrets = new SecretsConstruct(this, "Secrets", config, keys.secrets());
        var vpc = network.network().vpc();
        database = new DatabaseConstruct(this, "Database", config, vpc, network.network().databaseSubnets(),
                References.immutable(this, "RdsSecurityGroup", network.securityGroups().rds()),
                keys.data(), keys.secrets());
        cache = new CacheConstruct(this, "Cache", config,
                vpc.selectSubnets(network.network().databaseSubnets()).getSubnets(),
                References.immutable(this, "RedisSecurityGroup", network.securityGroups().redis()),
                keys.data(), secrets.redisAuthToken());
        secrets.addRedisUrl(cache.replicationGroup().getAttrPrimaryEndPointAddress(),
                cache.replicationGroup().getAttrPrimaryEndPointPort());
    }

    public EncryptionKeys keys() {
        return keys;
    }

    public SecretsConstruct secrets() {
        return secrets;
    }

    public DatabaseConstruct database() {
        return database;
    }

    public CacheConstruct cache() {
        return cache;
    }
}
