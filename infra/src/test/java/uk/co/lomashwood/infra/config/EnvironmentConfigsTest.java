package uk.co.lomashwood.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.co.lomashwood.infra.SynthesizedApp;
import uk.co.lomashwood.infra.Templates;

/** Accounts come from outside; the sizing table and the AZ-floor decision hold. */
class EnvironmentConfigsTest {

    @Test
    void accountIsRequiredAndNeverDefaulted() {
        var configs = new EnvironmentConfigs(k -> Optional.empty(), k -> Optional.empty());
        assertThatThrownBy(configs::production).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("productionAccount");
    }

    @Test
    void accountResolvesFromContextThenEnvironmentThenCdkDefault() {
        var fromEnv = new EnvironmentConfigs(k -> Optional.empty(),
                k -> Optional.ofNullable(Map.of("LOMASH_STAGING_ACCOUNT", "333333333333", "CDK_DEFAULT_ACCOUNT",
                        "444444444444").get(k)));
        assertThat(fromEnv.staging().account()).isEqualTo("333333333333");
        assertThat(fromEnv.production().account()).isEqualTo("444444444444");
        var fromContext = new EnvironmentConfigs(k -> Optional.ofNullable(Map.of("productionAccount", "555555555555").get(k)),
                k -> Optional.of("444444444444"));
        assertThat(fromContext.production().account()).isEqualTo("555555555555");
    }

    @Test
    void malformedAccountIsRejected() {
        var configs = new EnvironmentConfigs(k -> Optional.of("12345"), k -> Optional.empty());
        assertThatThrownBy(configs::staging).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stacksTargetTheConfiguredAccountInLondon() {
        for (String env : Templates.ENVIRONMENTS) {
            var stage = SynthesizedApp.stage(env);
            String expected = env.equals("production") ? SynthesizedApp.PRODUCTION_ACCOUNT : SynthesizedApp.STAGING_ACCOUNT;
            stage.stacks().forEach(stack -> {
                assertThat(stack.getAccount()).isEqualTo(expected);
                assertThat(stack.getRegion()).isEqualTo("eu-west-2");
            });
        }
    }

    @Test
    void taskFloorIsOnePerAzEvenWhereTheSeedSaysOne() {
        var production = new EnvironmentConfigs(k -> Optional.of("222222222222"), k -> Optional.empty()).production();
        assertThat(production.minimumTasks(PlatformServices.named("appointment-service").autoscaling())).isEqualTo(3);
        assertThat(production.minimumTasks(PlatformServices.named("api-gateway").autoscaling())).isEqualTo(3);
        assertThat(PlatformServices.named("analytics-service").autoscaling().seedMinimum()).isEqualTo(1);
    }

    @Test
    void sizingTableOfTheSeed() {
        var configs = new EnvironmentConfigs(k -> Optional.of("222222222222"), k -> Optional.empty());
        assertThat(configs.staging()).extracting(EnvironmentConfig::taskCpuUnits, EnvironmentConfig::taskMemoryMiB,
                        EnvironmentConfig::dbInstanceClass, EnvironmentConfig::dbStorageGiB, EnvironmentConfig::cacheNodeType,
                        EnvironmentConfig::natGateways)
                .containsExactly(512, 1024, "t4g.medium", 100, "cache.t4g.medium", 1);
        assertThat(configs.production()).extracting(EnvironmentConfig::taskCpuUnits, EnvironmentConfig::taskMemoryMiB,
                        EnvironmentConfig::dbInstanceClass, EnvironmentConfig::dbStorageGiB, EnvironmentConfig::cacheNodeType,
                        EnvironmentConfig::natGateways)
                .containsExactly(1024, 2048, "r6g.large", 500, "cache.r6g.large", 3);
    }
}
