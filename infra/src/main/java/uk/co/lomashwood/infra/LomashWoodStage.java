package uk.co.lomashwood.infra;

import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StageProps;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.constructs.Construct;
import uk.co.lomashwood.infra.config.EnvironmentConfig;
import uk.co.lomashwood.infra.stacks.DataStack;
import uk.co.lomashwood.infra.stacks.EdgeStack;
import uk.co.lomashwood.infra.stacks.MessagingStack;
import uk.co.lomashwood.infra.stacks.NetworkStack;
import uk.co.lomashwood.infra.stacks.RegistryStack;
import uk.co.lomashwood.infra.stacks.ServicesStack;

/** One environment: six stacks in its own account, eu-west-2. */
public final class LomashWoodStage extends Stage {

    private final EnvironmentConfig config;
    private final NetworkStack network;
    private final DataStack data;
    private final RegistryStack registry;
    private final MessagingStack messaging;
    private final EdgeStack edge;
    private final ServicesStack services;

    public LomashWoodStage(Construct scope, EnvironmentConfig config) {
        super(scope, config.displayName(), StageProps.builder().env(environment(config)).build());
        this.config = config;
        network = new NetworkStack(this, "Network", props(config, "network"), config);
        data = new DataStack(this, "Data", props(config, "data"), config, network);
        registry = new RegistryStack(this, "Registry", props(config, "registry"), config);
        messaging = new MessagingStack(this, "Messaging", props(config, "messaging"), config);
        edge = new EdgeStack(this, "Edge", props(config, "edge"), config, network);
        services = new ServicesStack(this, "Services", props(config, "services"), config,
                new ServicesStack.Inputs(network, data, registry, messaging, edge));
        Tags.of(this).add("project", "lomash-wood");
        Tags.of(this).add("environment", config.name());
    }

    public EnvironmentConfig config() {
        return config;
    }

    public NetworkStack network() {
        return network;
    }

    public DataStack data() {
        return data;
    }

    public RegistryStack registry() {
        return registry;
    }

    public MessagingStack messaging() {
        return messaging;
    }

    public EdgeStack edge() {
        return edge;
    }

    public ServicesStack services() {
        return services;
    }

    public java.util.List<software.amazon.awscdk.Stack> stacks() {
        return java.util.List.of(network, data, registry, messaging, edge, services);
    }

    private static Environment environment(EnvironmentConfig config) {
        return Environment.builder().account(config.account()).region(config.region()).build();
    }

    private static StackProps props(EnvironmentConfig config, String part) {
        return StackProps.builder()
                .stackName(config.physicalName(part))
                .description("Lomash Wood " + config.name() + ": " + part)
                .terminationProtection(config.isProduction())
                .build();
    }
}
