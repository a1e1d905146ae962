package uk.co.lomashwood.infra.stacks;

import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroupImportOptions;
import software.constructs.Construct;

/** Cross-stack references that must not be modified by the stack that uses them. */
final class References {

    private References() {
    }

    /**
     * A read-only handle on a security group of the network stack. CDK would otherwise add implicit rules
     * (for example ALB → target port) and the groups would no longer hold exactly the seed's rules.
     */
    static ISecurityGroup immutable(Construct scope, String id, SecurityGroup group) {
        return SecurityGroup.fromSecurityGroupId(scope, id, group.getSecurityGroupId(),
                SecurityGroupImportOptions.builder().mutable(false).allowAllOutbound(group.getAllowAllOutbound()).build());
    }
}
