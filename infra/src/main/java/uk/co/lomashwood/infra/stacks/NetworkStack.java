package uk.co.lomashwood.infra.stacks;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Validations;
import software.constructs.Construct;
import uk.co.lomashwood.infra.config.EnvironmentConfig;
import uk.co.lomashwood.infra.network.NetworkConstruct;
import uk.co.lomashwood.infra.network.SecurityGroupsConstruct;

/** VPC, NAT, endpoints and the security groups. */
public final class NetworkStack extends Stack {

    private final NetworkConstruct network;
    private final SecurityGroupsConstruct securityGroups;

    public NetworkStack(Construct scope, String id, StackProps props, EnvironmentConfig config) {
        super(scope, id, props);
        network = new NetworkConstruct(this, "Network", config);
        securityGroups = new SecurityGroupsConstruct(this, "SecurityGroups", network.vpc(), config);
        Validations.of(this).acknowledge(Acknowledgment.builder()
                .id("CloudFormation-Validate::W3010")
                .reason("The seed fixes three named AZs of eu-west-2 with exact subnet CIDRs per AZ; "
                        + "they are the environment's configuration, not an accident")
                .build());
        if (config.vpcEndpoints()) {
            network.addPrivateEndpoints(securityGroups.endpoints());
        }
    }

    public NetworkConstruct network() {
        return network;
    }

    public SecurityGroupsConstruct securityGroups() {
        return securityGroups;
    }
}
