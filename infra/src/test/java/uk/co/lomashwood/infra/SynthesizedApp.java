package uk.co.lomashwood.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * Builds and synthesises both environments once per test JVM (synthesis runs in Node and takes seconds),
 * into a temporary CDK_OUTDIR. Test classes share the templates.
 */
public final class SynthesizedApp {

    public static final String STAGING_ACCOUNT = "111111111111";
    public static final String PRODUCTION_ACCOUNT = "222222222222";

    private static LomashInfraApp instance;

    private SynthesizedApp() {
    }

    public static synchronized LomashInfraApp get() {
        if (instance == null) {
            try {
                Path outdir = Files.createTempDirectory("lomash-cdk-out");
                instance = LomashInfraApp.build(
                        Map.of("stagingAccount", STAGING_ACCOUNT, "productionAccount", PRODUCTION_ACCOUNT,
                                "productionAlarmEmail", "ops-alerts@example.invalid"),
                        Map.of(), outdir.toString());
                instance.app().synth();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public static LomashWoodStage staging() {
        return get().stage("staging");
    }

    public static LomashWoodStage production() {
        return get().stage("production");
    }

    public static LomashWoodStage stage(String name) {
        return get().stage(name);
    }

    private static final Map<Stack, Template> TEMPLATES = new java.util.concurrent.ConcurrentHashMap<>();

    public static Template template(Stack stack) {
        return TEMPLATES.computeIfAbsent(stack, Template::fromStack);
    }
}
