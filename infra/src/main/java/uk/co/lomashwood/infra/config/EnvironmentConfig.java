package uk.co.lomashwood.infra.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that differs between staging and production: the seed's "Sizing by Environment" table
 * plus the few settings the seed ties to one environment.
 *
 * @param name                   environment name used in stack names ({@code staging}, {@code production})
 * @param resourcePrefix         prefix of physical names: the seed's secret paths use {@code lomash-prod}
 * @param account                AWS account id, always supplied from outside (context or environment)
 * @param availabilityZones      the three AZs of eu-west-2 the VPC spans
 * @param natGateways            NAT gateways (1 staging, 3 production: one per AZ)
 * @param vpcEndpoints           whether the seed's private VPC endpoints exist (production)
 * @param taskCpuUnits           Fargate CPU units per task (the seed writes them as "vCPU")
 * @param taskMemoryMiB          Fargate memory per task
 * @param dbInstanceClass        RDS instance class without the {@code db.} prefix
 * @param dbMultiAz              Multi-AZ standby
 * @param dbStorageGiB           allocated storage
 * @param dbMaxStorageGiB        storage autoscaling ceiling, empty when storage does not auto-scale
 * @param dbBackupRetentionDays  automated backup / PITR window
 * @param cacheNodeType          ElastiCache node type
 * @param cacheReplicas          read replicas next to the primary
 * @param deploymentStyle        rolling (staging) or blue/green (production)
 * @param autoscaling            whether the production autoscaling table applies
 * @param tasksPerService        desired tasks when autoscaling does not apply
 * @param logRetentionDays       CloudWatch Logs retention (spec 00 §8.2)
 * @param domainName             public DNS zone of the environment
 * @param alarmEmail             optional address subscribed to the alarm topic
 * @param imageTag               image tag the initial task definitions point at
 */
public record EnvironmentConfig(
        String name,
        String resourcePrefix,
        String account,
        List<String> availabilityZones,
        int natGateways,
        boolean vpcEndpoints,
        int taskCpuUnits,
        int taskMemoryMiB,
        String dbInstanceClass,
        boolean dbMultiAz,
        int dbStorageGiB,
        Optional<Integer> dbMaxStorageGiB,
        int dbBackupRetentionDays,
        String cacheNodeType,
        int cacheReplicas,
        DeploymentStyle deploymentStyle,
        boolean autoscaling,
        int tasksPerService,
        int logRetentionDays,
        String domainName,
        Optional<String> alarmEmail,
        String imageTag) {

    public static final String REGION = "eu-west-2";
    public static final String VPC_CIDR = "10.0.0.0/16";

    public EnvironmentConfig {
        Objects.requireNonNull(account, "account");
        if (!account.matches("\\d{12}")) {
            throw new IllegalArgumentException("AWS account for " + name + " must be 12 digits, got '" + account + "'");
        }
        availabilityZones = List.copyOf(availabilityZones);
    }

    public String region() {
        return REGION;
    }

    public boolean isProduction() {
        return deploymentStyle == DeploymentStyle.BLUE_GREEN;
    }

    /** Stack-name friendly form, e.g. {@code Production}. */
    public String displayName() {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * Autoscaling floor. The seed asks for "a minimum of 1 task per AZ" across three AZs while its table
     * lists minimums of 1 and 2; the floor is therefore the larger of the table value and the AZ count.
     */
    public int minimumTasks(AutoscalingRule rule) {
        return Math.max(rule.seedMinimum(), availabilityZones.size());
    }

    /** Name of a physical resource, e.g. {@code lomash-prod-order-events}. */
    public String physicalName(String suffix) {
        return resourcePrefix + "-" + suffix;
    }

    /** Secrets Manager path, e.g. {@code lomash-prod/jwt-secret} as the seed writes it. */
    public String secretPath(String secret) {
        return resourcePrefix + "/" + secret;
    }

    public String apiHostName() {
        return "api." + domainName;
    }

    /**
     * Cloud Map private DNS namespace, visible only inside the VPC, in which every service registers its
     * tasks: {@code <service>.lomash-prod.internal} resolves to the task IPs (east-west traffic never
     * touches the ALB or the NAT).
     */
    public String serviceNamespace() {
        return resourcePrefix + ".internal";
    }
}
