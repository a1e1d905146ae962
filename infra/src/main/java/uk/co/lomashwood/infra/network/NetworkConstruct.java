package uk.co.lomashwood.infra.network;

import java.util.List;
import java.util.stream.IntStream;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.CfnEIP;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.NatGatewayProps;
import software.amazon.awscdk.services.ec2.NatProvider;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;
import uk.co.lomashwood.infra.config.EnvironmentConfig;

/** The seed's VPC: three tiers of subnets over three AZs, NAT per environment, private endpoints in production. */
public final class NetworkConstruct extends Construct {

    private final Vpc vpc;
    private final List<CfnEIP> natAddresses;

    public NetworkConstruct(Construct scope, String id, EnvironmentConfig config) {
        super(scope, id);

        // Elastic IPs are created here, not by the VPC, so the platform's egress addresses are stable and can be
        // given to third parties that allowlist callers. Service-to-service traffic never uses them (Cloud Map).
        natAddresses = IntStream.range(0, config.natGateways())
                .mapToObj(i -> CfnEIP.Builder.create(this, "NatAddress" + (i + 1)).domain("vpc").build())
                .toList();

        vpc = Vpc.Builder.create(this, "Vpc")
                .vpcName(config.physicalName("vpc"))
                .ipAddresses(new SeedSubnetLayout(EnvironmentConfig.VPC_CIDR, config.availabilityZones()))
                .availabilityZones(config.availabilityZones())
                .natGateways(config.natGateways())
                .natGatewayProvider(NatProvider.gateway(NatGatewayProps.builder()
                        .eipAllocationIds(natAddresses.stream().map(CfnEIP::getAttrAllocationId).toList())
                        .build()))
                .natGatewaySubnets(SubnetSelection.builder().subnetGroupName(SeedSubnetLayout.PUBLIC).build())
                .subnetConfiguration(List.of(
                        subnet(SeedSubnetLayout.PUBLIC, SubnetType.PUBLIC),
                        subnet(SeedSubnetLayout.PRIVATE, SubnetType.PRIVATE_WITH_EGRESS),
                        subnet(SeedSubnetLayout.DATABASE, SubnetType.PRIVATE_ISOLATED)))
                .enableDnsHostnames(true)
                .enableDnsSupport(true)
                .restrictDefaultSecurityGroup(false)
                .build();

        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs")
                .logGroupName("/lomash/" + config.name() + "/vpc-flow-logs")
                .retention(retention(config.logRetentionDays()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        vpc.addFlowLog("FlowLog", FlowLogOptions.builder()
                .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                .trafficType(FlowLogTrafficType.ALL)
                .build());
    }

    /** Adds the seed's production endpoints: five interface endpoints and the S3 gateway endpoint. */
    public void addPrivateEndpoints(ISecurityGroup endpointSecurityGroup) {
        SubnetSelection privateSubnets = privateSubnets();
        vpc.addGatewayEndpoint("S3Endpoint", GatewayVpcEndpointOptions.builder()
                .service(GatewayVpcEndpointAwsService.S3)
                .subnets(List.of(privateSubnets))
                .build());
        List.of(
                        new Endpoint("EcrApiEndpoint", InterfaceVpcEndpointAwsService.ECR),
                        new Endpoint("EcrDockerEndpoint", InterfaceVpcEndpointAwsService.ECR_DOCKER),
                        new Endpoint("SecretsManagerEndpoint", InterfaceVpcEndpointAwsService.SECRETS_MANAGER),
                        new Endpoint("LogsEndpoint", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS),
                        new Endpoint("SqsEndpoint", InterfaceVpcEndpointAwsService.SQS))
                .forEach(e -> vpc.addInterfaceEndpoint(e.id(), InterfaceVpcEndpointOptions.builder()
                        .service(e.service())
                        .privateDnsEnabled(true)
                        .subnets(privateSubnets)
                        .securityGroups(List.of(endpointSecurityGroup))
                        .open(false)
                        .build()));
    }

    public Vpc vpc() {
        return vpc;
    }

    public List<CfnEIP> natAddresses() {
        return natAddresses;
    }

    public SubnetSelection publicSubnets() {
        return SubnetSelection.builder().subnetGroupName(SeedSubnetLayout.PUBLIC).build();
    }

    public SubnetSelection privateSubnets() {
        return SubnetSelection.builder().subnetGroupName(SeedSubnetLayout.PRIVATE).build();
    }

    public SubnetSelection databaseSubnets() {
        return SubnetSelection.builder().subnetGroupName(SeedSubnetLayout.DATABASE).build();
    }

    static RetentionDays retention(int days) {
        return switch (days) {
            case 7 -> RetentionDays.ONE_WEEK;
            case 30 -> RetentionDays.ONE_MONTH;
            case 90 -> RetentionDays.THREE_MONTHS;
            case 365 -> RetentionDays.ONE_YEAR;
            default -> throw new IllegalArgumentException("no CloudWatch retention of " + days + " days");
        };
    }

    public static RetentionDays logRetention(int days) {
        return retention(days);
    }

    private static SubnetConfiguration subnet(String name, SubnetType type) {
        return SubnetConfiguration.builder().name(name).subnetType(type).cidrMask(24).build();
    }

    private record Endpoint(String id, InterfaceVpcEndpointAwsService service) {
    }
}
