package uk.co.lomashwood.infra.stacks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.codedeploy.EcsApplication;
import software.amazon.awscdk.services.codedeploy.EcsDeploymentConfig;
import software.amazon.awscdk.services.codedeploy.TimeBasedCanaryTrafficRoutingProps;
import software.amazon.awscdk.services.codedeploy.TrafficRouting;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.servicediscovery.PrivateDnsNamespace;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;
import uk.co.lomashwood.infra.compute.BlueGreenDeployment;
import uk.co.lomashwood.infra.compute.MicroserviceConstruct;
import uk.co.lomashwood.infra.compute.ProductionAutoscaling;
import uk.co.lomashwood.infra.compute.ServiceHealthAlarms;
import uk.co.lomashwood.infra.compute.TargetGroupMetrics;
import uk.co.lomashwood.infra.config.EnvironmentConfig;
import uk.co.lomashwood.infra.config.PlatformServices;
import uk.co.lomashwood.infra.config.ServiceSpec;
import uk.co.lomashwood.infra.events.EventDomain;
import uk.co.lomashwood.infra.messaging.EventBusConstruct;
import uk.co.lomashwood.infra.observability.ObservabilityConstruct;

/**
 * The ECS cluster, the Cloud Map namespace the services find each other in, the nine services with their
 * routing, scaling, deployment and alarms, and the dashboard.
 */
public final class ServicesStack extends Stack {

    /** Seed: 10% of traffic to the new version, held for 10 minutes, then the rest. */
    public static final int CANARY_PERCENT = 10;
    public static final int CANARY_MINUTES = 10;

    private final List<MicroserviceConstruct> services = new ArrayList<>();
    private final PrivateDnsNamespace namespace;

    /** The stacks this one draws on. */
    public record Inputs(NetworkStack network, DataStack data, RegistryStack registry, MessagingStack messaging,
                         EdgeStack edge) {
    }

    public ServicesStack(Construct scope, String id, StackProps props, EnvironmentConfig config, Inputs in) {
        super(scope, id, props);
        var vpc = in.network().network().vpc();
        Cluster cluster = Cluster.Builder.create(this, "Cluster")
                .clusterName(config.physicalName("cluster"))
                .vpc(vpc)
                .containerInsightsV2(ContainerInsights.ENHANCED)
                .build();
        ISecurityGroup tasks = References.immutable(this, "EcsTasksSecurityGroup", in.network().securityGroups().ecsTasks());
        var publicListener = in.edge().loadBalancer().https();
        var closedListener = in.edge().loadBalancer().closed();
        var alb = in.edge().loadBalancer().alb();
        EventBusConstruct bus = in.messaging().eventBus();

        // Spec 00 §2.7: service-to-service calls resolve <service>.<namespace> to task IPs, inside the VPC.
        namespace = PrivateDnsNamespace.Builder.create(this, "Namespace")
                .name(config.serviceNamespace())
                .vpc(vpc)
                .description("Lomash Wood " + config.name() + ": in-VPC names of the ECS services")
                .build();

        Optional<EcsApplication> application = Optional.empty();
        Optional<EcsDeploymentConfig> canary = Optional.empty();
        Optional<IRole> deployRole = Optional.empty();
        if (config.isProduction()) {
            application = Optional.of(EcsApplication.Builder.create(this, "Deployments")
                    .applicationName(config.physicalName("services")).build());
            canary = Optional.of(EcsDeploymentConfig.Builder.create(this, "Canary10Percent10Minutes")
                    .deploymentConfigName(config.physicalName("canary-10pct-10min"))
                    .trafficRouting(TrafficRouting.timeBasedCanary(TimeBasedCanaryTrafficRoutingProps.builder()
                            .percentage(CANARY_PERCENT).interval(Duration.minutes(CANARY_MINUTES)).build()))
                    .build());
            deployRole = Optional.of(Role.Builder.create(this, "CodeDeployRole")
                    .assumedBy(new ServicePrincipal("codedeploy.amazonaws.com"))
                    .managedPolicies(List.of(ManagedPolicy.fromAwsManagedPolicyName("AWSCodeDeployRoleForECS")))
                    .build());
        }

        ImportedSecrets importedSecrets = new ImportedSecrets(this, in.data().secrets());
        Map<String, TargetGroupMetrics> metrics = new LinkedHashMap<>();
        int priority = 10;
        for (ServiceSpec spec : PlatformServices.ALL) {
            var queues = bus.queuesOf(spec.name());
            // Only the gateway is attached to the public listener (spec 00 §0.1).
            var listener = spec.isGateway() ? publicListener : closedListener;
            MicroserviceConstruct service = new MicroserviceConstruct(this, spec.constructId(), spec, priority,
                    new MicroserviceConstruct.Dependencies(config, cluster, vpc, in.network().network().privateSubnets(),
                            tasks, in.registry().registry().repository(spec.name()), listener, namespace,
                            importedSecrets::get, environmentFor(spec, in, queues)));
            priority += 10;
            services.add(service);
            grantPlatformAccess(spec, service, in, queues);
            importedSecrets.grantDecrypt(service.taskDefinition().obtainExecutionRole(), in.data().keys().secrets().getKeyArn());

            TargetGroupMetrics albMetrics = new TargetGroupMetrics(alb, service.targetGroups());
            metrics.put(spec.name(), albMetrics);
            ServiceHealthAlarms health = new ServiceHealthAlarms(service, "Alarms", config, spec, service.service(),
                    albMetrics, in.messaging().alarms().topic());
            if (config.autoscaling()) {
                List<IQueue> eventQueues = queues.map(q -> q.mainQueues().stream().map(x -> (IQueue) x).toList())
                        .orElse(List.of());
                new ProductionAutoscaling(service, "Autoscaling", config, spec, cluster, service.service(), albMetrics,
                        eventQueues);
            }
            if (config.isProduction()) {
                new BlueGreenDeployment(service, "BlueGreen", service, application.orElseThrow(), canary.orElseThrow(),
                        listener, health.deploymentAlarms(), deployRole.orElseThrow());
            }
        }

        List<IQueue> deadLetters = new ArrayList<>();
        bus.queues().values().forEach(q -> deadLetters.addAll(q.deadLetterQueues()));
        List<String> cacheNodes = new ArrayList<>();
        for (int i = 1; i <= 1 + config.cacheReplicas(); i++) {
            cacheNodes.add(String.format("%s-%03d", config.physicalName("redis"), i));
        }
        new ObservabilityConstruct(this, "Observability", new ObservabilityConstruct.Inputs(config,
                in.messaging().alarms().topic(), alb, in.data().database().instance(), cacheNodes, services, metrics,
                deadLetters));
    }

    public List<MicroserviceConstruct> services() {
        return services;
    }

    public PrivateDnsNamespace namespace() {
        return namespace;
    }

    private static Map<String, String> environmentFor(ServiceSpec spec, Inputs in,
                                                      Optional<EventBusConstruct.ConsumerQueues> queues) {
        Map<String, String> env = new LinkedHashMap<>();
        EventBusConstruct bus = in.messaging().eventBus();
        for (EventDomain domain : EventDomain.values()) {
            if (domain.producer().equals(spec.name())) {
                env.put("EVENT_TOPIC_ARN", bus.topic(domain).getTopicArn());
            }
        }
        queues.ifPresent(q -> {
            env.put("EVENT_QUEUE_URL", q.standard().getQueueUrl());
            q.fifo().ifPresent(f -> env.put("EVENT_FIFO_QUEUE_URL", f.getQueueUrl()));
        });
        if (spec.name().equals("content-service")) {
            env.put("MEDIA_BUCKET", in.edge().storage().media().getBucketName());
            env.put("ASSETS_BUCKET", in.edge().storage().assets().getBucketName());
        }
        if (spec.name().equals("content-service") || spec.name().equals("product-service")) {
            env.put("CDN_DISTRIBUTION_ID", in.edge().cdn().distribution().getDistributionId());
        }
        return env;
    }

    /** Least privilege: publish to the own domain topic, consume the own queues, content's buckets, CDN purge. */
    private static void grantPlatformAccess(ServiceSpec spec, MicroserviceConstruct service, Inputs in,
                                            Optional<EventBusConstruct.ConsumerQueues> queues) {
        var role = service.taskDefinition().getTaskRole();
        EventBusConstruct bus = in.messaging().eventBus();
        for (EventDomain domain : EventDomain.values()) {
            if (domain.producer().equals(spec.name())) {
                bus.topic(domain).grantPublish(role);
            }
        }
        queues.ifPresent(q -> q.mainQueues().forEach((Queue queue) -> queue.grantConsumeMessages(role)));
        if (spec.name().equals("content-service")) {
            in.edge().storage().media().grantReadWrite(role);
            in.edge().storage().assets().grantReadWrite(role);
        }
        if (spec.name().equals("content-service") || spec.name().equals("product-service")) {
            in.edge().cdn().distribution().grantCreateInvalidation(role);
        }
    }
}
