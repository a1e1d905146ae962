package uk.co.lomashwood.infra.network;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.co.lomashwood.infra.Templates.network;
import static uk.co.lomashwood.infra.Templates.properties;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Seed: VPC 10.0.0.0/16, three subnet tiers over three AZs, NAT per environment, production endpoints. */
class NetworkTest {

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void vpcUsesTheSeedCidrWithDns(String env) {
        network(env).resourceCountIs("AWS::EC2::VPC", 1);
        network(env).hasResourceProperties("AWS::EC2::VPC", Map.of(
                "CidrBlock", "10.0.0.0/16", "EnableDnsHostnames", true, "EnableDnsSupport", true));
    }

    @ParameterizedTest
    @CsvSource({
            "staging,10.0.1.0/24,eu-west-2a,true", "staging,10.0.2.0/24,eu-west-2b,true", "staging,10.0.3.0/24,eu-west-2c,true",
            "staging,10.0.11.0/24,eu-west-2a,false", "staging,10.0.12.0/24,eu-west-2b,false", "staging,10.0.13.0/24,eu-west-2c,false",
            "staging,10.0.21.0/24,eu-west-2a,false", "staging,10.0.22.0/24,eu-west-2b,false", "staging,10.0.23.0/24,eu-west-2c,false",
            "production,10.0.1.0/24,eu-west-2a,true", "production,10.0.2.0/24,eu-west-2b,true", "production,10.0.3.0/24,eu-west-2c,true",
            "production,10.0.11.0/24,eu-west-2a,false", "production,10.0.12.0/24,eu-west-2b,false", "production,10.0.13.0/24,eu-west-2c,false",
            "production,10.0.21.0/24,eu-west-2a,false", "production,10.0.22.0/24,eu-west-2b,false", "production,10.0.23.0/24,eu-west-2c,false"})
    void subnetHasTheSeedCidrInItsAz(String env, String cidr, String az, boolean mapsPublicIp) {
        network(env).hasResourceProperties("AWS::EC2::Subnet", Map.of(
                "CidrBlock", cidr, "AvailabilityZone", az, "MapPublicIpOnLaunch", mapsPublicIp));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void exactlyNineSubnets(String env) {
        network(env).resourceCountIs("AWS::EC2::Subnet", 9);
    }

    @Test
    void databaseSubnetsHaveNoRouteToTheInternet() {
        // Routes: one to the IGW per public subnet, one to a NAT per private subnet; none for the DB tier.
        network("production").resourceCountIs("AWS::EC2::Route", 6);
        network("staging").resourceCountIs("AWS::EC2::Route", 6);
    }

    @ParameterizedTest
    @CsvSource({"staging,1", "production,3"})
    void natGatewaysPerEnvironment(String env, int count) {
        network(env).resourceCountIs("AWS::EC2::NatGateway", count);
        network(env).resourceCountIs("AWS::EC2::EIP", count);
    }

    @Test
    void productionNatGatewaysSitOnePerAz() {
        List<Object> subnets = properties(network("production"), "AWS::EC2::NatGateway").stream()
                .map(p -> p.get("SubnetId")).distinct().toList();
        assertThat(subnets).hasSize(3);
    }

    @Test
    void productionHasTheSeedsVpcEndpoints() {
        var template = network("production");
        template.resourceCountIs("AWS::EC2::VPCEndpoint", 6);
        for (String service : List.of("ecr.api", "ecr.dkr", "secretsmanager", "logs", "sqs")) {
            template.hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of(
                    "ServiceName", "com.amazonaws.eu-west-2." + service,
                    "VpcEndpointType", "Interface",
                    "PrivateDnsEnabled", true));
        }
        String gateway = properties(template, "AWS::EC2::VPCEndpoint").stream()
                .filter(p -> "Gateway".equals(p.get("VpcEndpointType")))
                .map(p -> p.get("ServiceName").toString()).findFirst().orElseThrow();
        assertThat(gateway).contains(".s3");
    }

    @Test
    void stagingHasNoVpcEndpoints() {
        network("staging").resourceCountIs("AWS::EC2::VPCEndpoint", 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void vpcFlowLogsAreKept(String env) {
        network(env).hasResourceProperties("AWS::EC2::FlowLog", Map.of("TrafficType", "ALL"));
    }
}
