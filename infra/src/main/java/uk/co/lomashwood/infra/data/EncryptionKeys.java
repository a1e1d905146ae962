package uk.co.lomashwood.infra.data;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;
import uk.co.lomashwood.infra.config.EnvironmentConfig;

/**
 * Customer-managed keys of the data tier. The seed asks for a 30-day deletion window and automatic
 * annual rotation on the secrets key; the data key follows the same rule.
 */
public final class EncryptionKeys extends Construct {

    public static final int DELETION_WINDOW_DAYS = 30;
    public static final int ROTATION_PERIOD_DAYS = 365;

    private final Key secrets;
    private final Key data;

    public EncryptionKeys(Construct scope, String id, EnvironmentConfig config) {
        super(scope, id);
        secrets = key("SecretsKey", config.physicalName("secrets"), "Secrets Manager secrets of " + config.name());
        data = key("DataKey", config.physicalName("data"), "RDS, snapshots, Performance Insights and ElastiCache of "
                + config.name());
    }

    /** A customer-managed key with the seed's deletion window and yearly rotation. */
    public static Key key(Construct scope, String id, String alias, String description) {
        return Key.Builder.create(scope, id)
                .alias("alias/" + alias)
                .description(description)
                .enableKeyRotation(true)
                .rotationPeriod(Duration.days(ROTATION_PERIOD_DAYS))
                .pendingWindow(Duration.days(DELETION_WINDOW_DAYS))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    public Key secrets() {
        return secrets;
    }

    public Key data() {
        return data;
    }

    private Key key(String id, String alias, String description) {
        return key(this, id, alias, description);
    }
}
