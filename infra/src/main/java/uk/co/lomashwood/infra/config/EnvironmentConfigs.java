package uk.co.lomashwood.infra.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The two AWS environments. Sizes are the seed's; the account, domain and alarm address come from
 * CDK context ({@code -c productionAccount=...}) or the environment, never from source.
 */
public final class EnvironmentConfigs {

    public static final List<String> AZS = List.of("eu-west-2a", "eu-west-2b", "eu-west-2c");

    private final Function<String, Optional<String>> context;
    private final Function<String, Optional<String>> environment;

    /**
     * @param context     lookup of CDK context values
     * @param environment lookup of process environment variables
     */
    public EnvironmentConfigs(Function<String, Optional<String>> context,
                              Function<String, Optional<String>> environment) {
        this.context = context;
        this.environment = environment;
    }

    public EnvironmentConfig staging() {
        return new EnvironmentConfig(
                "staging", "lomash-staging", account("staging"), AZS,
                1, false,
                512, 1024,
                "t4g.medium", false, 100, Optional.empty(), 7,
                "cache.t4g.medium", 0,
                DeploymentStyle.ROLLING, false, 1,
                7,
                setting("stagingDomain").orElse("staging.lomashwood.co.uk"),
                setting("stagingAlarmEmail"),
                setting("imageTag").orElse("bootstrap"));
    }

    public EnvironmentConfig production() {
        return new EnvironmentConfig(
                "production", "lomash-prod", account("production"), AZS,
                3, true,
                1024, 2048,
                "r6g.large", true, 500, Optional.of(1000), 35,
                "cache.r6g.large", 1,
                DeploymentStyle.BLUE_GREEN, true, 3,
                30,
                setting("productionDomain").orElse("lomashwood.co.uk"),
                setting("productionAlarmEmail"),
                setting("imageTag").orElse("bootstrap"));
    }

    public List<EnvironmentConfig> all() {
        return List.of(staging(), production());
    }

    private String account(String env) {
        String key = env + "Account";
        return context.apply(key)
                .or(() -> environment.apply("LOMASH_" + env.toUpperCase(java.util.Locale.ROOT) + "_ACCOUNT"))
                .or(() -> environment.apply("CDK_DEFAULT_ACCOUNT"))
                .orElseThrow(() -> new IllegalStateException(
                        "No AWS account for " + env + ": pass -c " + key + "=<12 digits>, set LOMASH_"
                                + env.toUpperCase(java.util.Locale.ROOT) + "_ACCOUNT, or run through the cdk CLI "
                                + "with credentials so that CDK_DEFAULT_ACCOUNT is set"));
    }

    private Optional<String> setting(String key) {
        return context.apply(key).filter(v -> !v.isBlank());
    }
}
