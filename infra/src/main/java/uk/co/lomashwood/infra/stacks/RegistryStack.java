package uk.co.lomashwood.infra.stacks;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;
import uk.co.lomashwood.infra.config.EnvironmentConfig;
import uk.co.lomashwood.infra.registry.RegistryConstruct;

/** ECR repositories; deployed before the first image push, long before the services. */
public final class RegistryStack extends Stack {

    private final RegistryConstruct registry;

    public RegistryStack(Construct scope, String id, StackProps props, EnvironmentConfig config) {
        super(scope, id, props);
        registry = new RegistryConstruct(this, "Registry", config);
    }

    public RegistryConstruct registry() {
        return registry;
    }
}
