package uk.co.lomashwood.infra.stacks;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;
import uk.co.lomashwood.infra.config.EnvironmentConfig;
import uk.co.lomashwood.infra.edge.CdnConstruct;
import uk.co.lomashwood.infra.edge.LoadBalancerConstruct;
import uk.co.lomashwood.infra.edge.StorageConstruct;

/** The public edge: S3 buckets, the ALB and the CloudFront distribution in front of both. */
public final class EdgeStack extends Stack {

    private final StorageConstruct storage;
    private final LoadBalancerConstruct loadBalancer;
    private final CdnConstruct cdn;

    public EdgeStack(Construct scope, String id, StackProps props, EnvironmentConfig config, NetworkStack network) {
        super(scope, id, props);
        storage = new StorageConstruct(this, "Storage", config);
        loadBalancer = new LoadBalancerConstruct(this, "LoadBalancer", config, network.network().vpc(),
                network.network().publicSubnets(),
                References.immutable(this, "AlbSecurityGroup", network.securityGroups().alb()),
                storage.logs());
        cdn = new CdnConstruct(this, "Cdn", config, storage);
    }

    public StorageConstruct storage() {
        return storage;
    }

    public LoadBalancerConstruct loadBalancer() {
        return loadBalancer;
    }

    public CdnConstruct cdn() {
        return cdn;
    }
}
