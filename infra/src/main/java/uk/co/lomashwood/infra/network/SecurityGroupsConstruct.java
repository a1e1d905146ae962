package uk.co.lomashwood.infra.network;

import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.constructs.Construct;
import uk.co.lomashwood.infra.config.EnvironmentConfig;

/**
 * The seed's four security groups with exactly its rules, plus one for the interface endpoints. Other
 * stacks receive them as immutable references so that CDK cannot widen them with implicit rules.
 */
public final class SecurityGroupsConstruct extends Construct {

    public static final int POSTGRES_PORT = 5432;
    public static final int REDIS_PORT = 6379;

    private final SecurityGroup alb;
    private final SecurityGroup ecsTasks;
    private final SecurityGroup rds;
    private final SecurityGroup redis;
    private final SecurityGroup endpoints;

    public SecurityGroupsConstruct(Construct scope, String id, IVpc vpc, EnvironmentConfig config) {
        super(scope, id);
        alb = group("Alb", vpc, config.physicalName("alb"), "ALB: HTTP/HTTPS from the internet", false);
        ecsTasks = group("EcsTasks", vpc, config.physicalName("ecs-tasks"), "ECS tasks: from the ALB and the VPC", true);
        rds = group("Rds", vpc, config.physicalName("rds"), "RDS PostgreSQL: 5432 from ECS tasks only", false);
        redis = group("Redis", vpc, config.physicalName("redis"), "ElastiCache: 6379 from ECS tasks only", false);

        alb.addIngressRule(Peer.anyIpv4(), Port.tcp(80), "HTTP, redirected to HTTPS");
        alb.addIngressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS");
        alb.addEgressRule(ecsTasks, Port.allTraffic(), "All to ECS tasks");

        ecsTasks.addIngressRule(alb, Port.allTcp(), "All TCP from the ALB");
        ecsTasks.addIngressRule(Peer.ipv4(EnvironmentConfig.VPC_CIDR), Port.allTcp(), "Inter-service VPC traffic");

        rds.addIngressRule(ecsTasks, Port.tcp(POSTGRES_PORT), "PostgreSQL from ECS tasks");
        redis.addIngressRule(ecsTasks, Port.tcp(REDIS_PORT), "Redis from ECS tasks");

        endpoints = group("VpcEndpoints", vpc, config.physicalName("vpc-endpoints"),
                "Interface endpoints: HTTPS from the VPC", false);
        endpoints.addIngressRule(Peer.ipv4(EnvironmentConfig.VPC_CIDR), Port.tcp(443), "HTTPS from the VPC");
    }

    public SecurityGroup alb() {
        return alb;
    }

    public SecurityGroup ecsTasks() {
        return ecsTasks;
    }

    public SecurityGroup rds() {
        return rds;
    }

    public SecurityGroup redis() {
        return redis;
    }

    public SecurityGroup endpoints() {
        return endpoints;
    }

    private SecurityGroup group(String id, IVpc vpc, String name, String description, boolean allowAllOutbound) {
        return SecurityGroup.Builder.create(this, id)
                .vpc(vpc)
                .securityGroupName(name)
                .description(description)
                .allowAllOutbound(allowAllOutbound)
                .build();
    }
}
