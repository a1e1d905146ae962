package uk.co.lomashwood.infra.compute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecs.AvailabilityZoneRebalancing;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.CloudMapOptions;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.DeploymentController;
import software.amazon.awscdk.services.ecs.DeploymentControllerType;
import software.amazon.awscdk.services.ecs.FargatePlatformVersion;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.PropagatedTagSource;
import software.amazon.awscdk.services.ecs.Protocol;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListenerRule;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.servicediscovery.DnsRecordType;
import software.amazon.awscdk.services.servicediscovery.INamespace;
import software.amazon.awscdk.services.servicediscovery.IService;
import software.constructs.Construct;
import uk.co.lomashwood.infra.config.EnvironmentConfig;
import uk.co.lomashwood.infra.config.PlatformSecrets;
import uk.co.lomashwood.infra.config.SecretSpec;
import uk.co.lomashwood.infra.config.ServiceSpec;
import uk.co.lomashwood.infra.network.NetworkConstruct;

/**
 * One service: task definition sized per environment, Fargate service across the private subnets, its
 * Cloud Map registration (how the other services reach it, inside the VPC), target group(s) probing
 * {@code /health/ready} and the listener rule that holds the target group on the ALB.
 */
public final class MicroserviceConstruct extends Construct {

    public static final String HEALTH_PATH = "/health/ready";
    /** Spec 00 §6.5: probe every 15 s, deregister after 2 failures, replace after 5. */
    public static final Duration HEALTH_INTERVAL = Duration.seconds(15);
    public static final int UNHEALTHY_THRESHOLD = 2;
    public static final int CONTAINER_HEALTH_RETRIES = 5;
    /** Spec 00 §6.6: 30 s deregistration delay and stop timeout. */
    public static final Duration DRAIN_TIME = Duration.seconds(30);

    /** What a service needs from the other stacks. */
    public record Dependencies(
            EnvironmentConfig config,
            ICluster cluster,
            IVpc vpc,
            SubnetSelection subnets,
            ISecurityGroup securityGroup,
            IRepository repository,
            IApplicationListener listener,
            INamespace namespace,
            Function<String, ISecret> secrets,
            Map<String, String> extraEnvironment) {
    }

    private final ServiceSpec spec;
    private final FargateService service;
    private final FargateTaskDefinition taskDefinition;
    private final ApplicationTargetGroup blue;
    private final Optional<ApplicationTargetGroup> green;
    private final IService discovery;

    public MicroserviceConstruct(Construct scope, String id, ServiceSpec spec, int rulePriority, Dependencies deps) {
        super(scope, id);
        this.spec = spec;
        EnvironmentConfig config = deps.config();

        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/lomash/" + config.name() + "/" + spec.name())
                .retention(NetworkConstruct.logRetention(config.logRetentionDays()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();

        taskDefinition = FargateTaskDefinition.Builder.create(this, "Task")
                .family(config.physicalName(spec.name()))
                .cpu(config.taskCpuUnits())
                .memoryLimitMiB(config.taskMemoryMiB())
                .runtimePlatform(RuntimePlatform.builder()
                        .cpuArchitecture(CpuArchitecture.ARM64)
                        .operatingSystemFamily(OperatingSystemFamily.LINUX)
                        .build())
                .build();
        Map<String, String> environment = new LinkedHashMap<>(ServiceEnvironment.of(config, spec));
        environment.putAll(deps.extraEnvironment());
        taskDefinition.addContainer("App", ContainerDefinitionOptions.builder()
                .containerName(spec.name())
                .image(ContainerImage.fromEcrRepository(deps.repository(), config.imageTag()))
                .essential(true)
                .portMappings(List.of(PortMapping.builder().containerPort(spec.port()).protocol(Protocol.TCP).build()))
                .environment(environment)
                .secrets(secretsFor(spec, deps.secrets()))
                .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix(spec.name()).build()))
                .healthCheck(software.amazon.awscdk.services.ecs.HealthCheck.builder()
                        .command(List.of("CMD-SHELL", "curl -fsS http://localhost:" + spec.port() + HEALTH_PATH + " || exit 1"))
                        .interval(HEALTH_INTERVAL)
                        .timeout(Duration.seconds(5))
                        .retries(CONTAINER_HEALTH_RETRIES)
                        .startPeriod(Duration.seconds(60))
                        .build())
                .stopTimeout(DRAIN_TIME)
                .build());

        boolean blueGreen = config.isProduction();
        int desired = config.autoscaling() ? config.minimumTasks(spec.autoscaling()) : config.tasksPerService();
        var serviceBuilder = FargateService.Builder.create(this, "Service")
                .serviceName(spec.name())
                .cluster(deps.cluster())
                .taskDefinition(taskDefinition)
                .desiredCount(desired)
                .securityGroups(List.of(deps.securityGroup()))
                .vpcSubnets(deps.subnets())
                .assignPublicIp(false)
                .platformVersion(FargatePlatformVersion.LATEST)
                .healthCheckGracePeriod(Duration.seconds(120))
                .minHealthyPercent(100)
                .maxHealthyPercent(200)
                .propagateTags(PropagatedTagSource.SERVICE)
                .enableEcsManagedTags(true)
                // <service>.<namespace> answers with the IPs of the healthy tasks (A records, multivalue);
                // ECS registers and deregisters every task, blue and green task sets alike.
                .cloudMapOptions(CloudMapOptions.builder()
                        .cloudMapNamespace(deps.namespace())
                        .name(spec.name())
                        .dnsRecordType(DnsRecordType.A)
                        .dnsTtl(Duration.seconds(ServiceEnvironment.DNS_TTL_SECONDS))
                        .failureThreshold(1)
                        .build());
        if (blueGreen) {
            serviceBuilder.deploymentController(DeploymentController.builder().type(DeploymentControllerType.CODE_DEPLOY).build());
        } else {
            // Rolling: with 100% minimum healthy and one spare slot, ECS replaces one task at a time.
            serviceBuilder.circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                    .availabilityZoneRebalancing(AvailabilityZoneRebalancing.ENABLED);
        }
        service = serviceBuilder.build();
        discovery = service.getCloudMapService();

        blue = targetGroup("Targets", deps);
        green = blueGreen ? Optional.of(targetGroup("GreenTargets", deps)) : Optional.empty();
        service.attachToApplicationTargetGroup(blue);

        ApplicationListenerRule.Builder.create(this, "Route")
                .listener(deps.listener())
                .priority(rulePriority)
                .conditions(conditions(config, spec))
                .action(ListenerAction.forward(List.of(blue)))
                .build();
    }

    public ServiceSpec spec() {
        return spec;
    }

    public FargateService service() {
        return service;
    }

    public FargateTaskDefinition taskDefinition() {
        return taskDefinition;
    }

    public ApplicationTargetGroup blueTargetGroup() {
        return blue;
    }

    public Optional<ApplicationTargetGroup> greenTargetGroup() {
        return green;
    }

    /** The Cloud Map service the tasks register in. */
    public IService discovery() {
        return discovery;
    }

    public List<ApplicationTargetGroup> targetGroups() {
        List<ApplicationTargetGroup> groups = new ArrayList<>();
        groups.add(blue);
        green.ifPresent(groups::add);
        return groups;
    }

    /**
     * The gateway's rule (on the public HTTPS listener) answers the public API host. Every other service's
     * rule sits on the closed listener, which no security group lets anyone reach; its host condition only
     * keeps the rules distinct (see {@code LoadBalancerConstruct}).
     */
    static List<ListenerCondition> conditions(EnvironmentConfig config, ServiceSpec spec) {
        if (spec.isGateway()) {
            return List.of(ListenerCondition.hostHeaders(List.of(config.apiHostName())));
        }
        return List.of(ListenerCondition.hostHeaders(List.of(ServiceEnvironment.internalHost(config, spec))));
    }

    private ApplicationTargetGroup targetGroup(String id, Dependencies deps) {
        return ApplicationTargetGroup.Builder.create(this, id)
                .vpc(deps.vpc())
                .port(spec.port())
                .protocol(ApplicationProtocol.HTTP)
                .targetType(TargetType.IP)
                .deregistrationDelay(DRAIN_TIME)
                .healthCheck(software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck.builder()
                        .enabled(true)
                        .path(HEALTH_PATH)
                        .port(Integer.toString(spec.port()))
                        .interval(HEALTH_INTERVAL)
                        .timeout(Duration.seconds(5))
                        .healthyThresholdCount(2)
                        .unhealthyThresholdCount(UNHEALTHY_THRESHOLD)
                        .healthyHttpCodes("200")
                        .build())
                .build();
    }

    private static Map<String, Secret> secretsFor(ServiceSpec spec, Function<String, ISecret> secrets) {
        Map<String, Secret> injected = new LinkedHashMap<>();
        for (SecretSpec secret : PlatformSecrets.ALL) {
            if (!secret.consumedBy(spec)) {
                continue;
            }
            ISecret stored = secrets.apply(secret.name());
            injected.put(secret.envVar(), secret.source() == SecretSpec.Source.OPERATOR_PER_SERVICE
                    ? Secret.fromSecretsManager(stored, spec.name())
                    : Secret.fromSecretsManager(stored));
        }
        return injected;
    }
}
