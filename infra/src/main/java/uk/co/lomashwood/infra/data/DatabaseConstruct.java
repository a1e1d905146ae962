package uk.co.lomashwood.infra.data;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.rds.CaCertificate;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.CredentialsFromUsernameOptions;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.IInstanceEngine;
import software.amazon.awscdk.services.rds.ParameterGroup;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.rds.PostgresInstanceEngineProps;
import software.amazon.awscdk.services.rds.StorageType;
import software.constructs.Construct;
import uk.co.lomashwood.infra.config.EnvironmentConfig;
import uk.co.lomashwood.infra.network.NetworkConstruct;

/**
 * One RDS PostgreSQL 16 instance hosting the eight service databases (spec 00 §0), encrypted with the
 * data CMK, with the seed's parameter group. RDS manages and rotates the master password itself.
 */
public final class DatabaseConstruct extends Construct {

    public static final String MASTER_USERNAME = "lomash_admin";

    private final DatabaseInstance instance;

    public DatabaseConstruct(Construct scope, String id, EnvironmentConfig config, IVpc vpc,
                             SubnetSelection subnets, ISecurityGroup securityGroup, IKey dataKey, IKey secretsKey) {
        super(scope, id);
        IInstanceEngine engine = DatabaseInstanceEngine.postgres(
                PostgresInstanceEngineProps.builder().version(PostgresEngineVersion.VER_16).build());
        String identifier = config.physicalName("postgres");

        ParameterGroup parameters = ParameterGroup.Builder.create(this, "Parameters")
                .engine(engine)
                .description("Lomash Wood PostgreSQL 16 parameters (" + config.name() + ")")
                .parameters(PostgresParameters.seed())
                .build();

        // Pre-created so the exported logs get a retention instead of living forever.
        List<LogGroup> logGroups = List.of("postgresql", "upgrade").stream()
                .map(kind -> LogGroup.Builder.create(this, "Logs" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1))
                        .logGroupName("/aws/rds/instance/" + identifier + "/" + kind)
                        .retention(NetworkConstruct.logRetention(config.logRetentionDays()))
                        .removalPolicy(RemovalPolicy.RETAIN)
                        .build())
                .toList();

        var builder = DatabaseInstance.Builder.create(this, "Postgres")
                .instanceIdentifier(identifier)
                .engine(engine)
                .instanceType(new InstanceType(config.dbInstanceClass()))
                .vpc(vpc)
                .vpcSubnets(subnets)
                .securityGroups(List.of(securityGroup))
                .multiAz(config.dbMultiAz())
                .allocatedStorage(config.dbStorageGiB())
                .storageType(StorageType.GP3)
                .storageEncrypted(true)
                .storageEncryptionKey(dataKey)
                .credentials(Credentials.fromUsername(MASTER_USERNAME,
                        CredentialsFromUsernameOptions.builder().encryptionKey(secretsKey).build()))
                .manageMasterUserPassword(true)
                .parameterGroup(parameters)
                .iamAuthentication(true)
                .caCertificate(CaCertificate.RDS_CA_RSA2048_G1)
                .backupRetention(Duration.days(config.dbBackupRetentionDays()))
                .deleteAutomatedBackups(false)
                .copyTagsToSnapshot(true)
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.SNAPSHOT)
                .autoMinorVersionUpgrade(true)
                .publiclyAccessible(false)
                .enablePerformanceInsights(true)
                .performanceInsightEncryptionKey(dataKey)
                .cloudwatchLogsExports(List.of("postgresql", "upgrade"))
                .preferredBackupWindow("02:00-03:00")
                .preferredMaintenanceWindow("sun:03:30-sun:04:30");
        config.dbMaxStorageGiB().ifPresent(builder::maxAllocatedStorage);
        instance = builder.build();
        logGroups.forEach(group -> instance.getNode().addDependency(group));
    }

    public DatabaseInstance instance() {
        return instance;
    }
}
