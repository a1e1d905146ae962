package uk.co.lomashwood.infra;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import uk.co.lomashwood.infra.config.EnvironmentConfigs;
import uk.co.lomashwood.infra.nag.NagSuppressionsRegistry;

/**
 * Entry point of {@code cdk synth|diff|deploy}: builds the staging and production stages and runs the
 * AwsSolutions rule pack over them.
 */
public final class LomashInfraApp {

    /** Cross-stack references stay CloudFormation exports, which protect producers from breaking consumers. */
    private static final Map<String, Object> DEFAULT_CONTEXT = Map.of("@aws-cdk/core:defaultCrossStackReferences", "strong");

    private final App app;
    private final List<LomashWoodStage> stages;

    private LomashInfraApp(App app, List<LomashWoodStage> stages) {
        this.app = app;
        this.stages = stages;
    }

    /** Builds the app; {@code context} and {@code environment} supply accounts and optional settings. */
    public static LomashInfraApp build(Map<String, Object> context, Map<String, String> environment, String outdir) {
        Map<String, Object> fullContext = new java.util.HashMap<>(DEFAULT_CONTEXT);
        fullContext.putAll(context);
        var props = AppProps.builder().context(fullContext);
        if (outdir != null) {
            props.outdir(outdir);
        }
        App app = new App(props.build());
        EnvironmentConfigs configs = new EnvironmentConfigs(
                key -> Optional.ofNullable(app.getNode().tryGetContext(key)).map(Object::toString),
                key -> Optional.ofNullable(environment.get(key)));
        List<LomashWoodStage> stages = configs.all().stream().map(config -> new LomashWoodStage(app, config)).toList();
        stages.forEach(stage -> {
            NagSuppressionsRegistry.apply(stage);
            // Aspects do not cross Stage boundaries, so the rule pack is attached to each stage.
            Aspects.of(stage).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        });
        return new LomashInfraApp(app, stages);
    }

    public App app() {
        return app;
    }

    public List<LomashWoodStage> stages() {
        return stages;
    }

    public LomashWoodStage stage(String name) {
        return stages.stream().filter(s -> s.config().name().equals(name)).findFirst().orElseThrow();
    }

    public static void main(String[] args) {
        LomashInfraApp infra = build(Map.of(), System.getenv(), null);
        infra.app().synth();
    }
}
