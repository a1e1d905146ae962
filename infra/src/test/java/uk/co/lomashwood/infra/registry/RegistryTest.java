package uk.co.lomashwood.infra.registry;

import static uk.co.lomashwood.infra.Templates.registry;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.co.lomashwood.infra.Templates;
import uk.co.lomashwood.infra.config.PlatformServices;

/** One ECR repository per service, scanned on push. */
class RegistryTest {

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void oneScannedRepositoryPerService(String env) {
        registry(env).resourceCountIs("AWS::ECR::Repository", 9);
        for (var spec : PlatformServices.ALL) {
            registry(env).hasResourceProperties("AWS::ECR::Repository", Map.of(
                    "RepositoryName", Templates.config(env).resourcePrefix() + "/" + spec.name(),
                    "ImageScanningConfiguration", Map.of("ScanOnPush", true),
                    "ImageTagMutability", "IMMUTABLE"));
        }
    }
}
