package uk.co.lomashwood.infra.nag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import uk.co.lomashwood.infra.SynthesizedApp;
import uk.co.lomashwood.infra.Templates;

/** cdk-nag AwsSolutions over every stack: no unexplained finding, and every suppression has a reason. */
class NagComplianceTest {

    static Stream<Arguments> stacks() {
        return Templates.ENVIRONMENTS.stream().flatMap(env -> SynthesizedApp.stage(env).stacks().stream()
                .map(stack -> Arguments.of(stack.getStackName(), stack)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void noUnsuppressedErrors(String name, Stack stack) {
        assertThat(Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void noUnsuppressedWarnings(String name, Stack stack) {
        assertThat(Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    @SuppressWarnings("unchecked")
    void everySuppressionCarriesAWrittenReason(String name, Stack stack) {
        var template = SynthesizedApp.template(stack).toJSON();
        Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
        resources.values().forEach(resource -> {
            Map<String, Object> metadata = (Map<String, Object>) ((Map<String, Object>) resource).get("Metadata");
            if (metadata == null || !metadata.containsKey("cdk_nag")) {
                return;
            }
            List<Object> rules = (List<Object>) ((Map<String, Object>) metadata.get("cdk_nag")).get("rules_to_suppress");
            assertThat(rules).allSatisfy(rule -> assertThat(((Map<String, Object>) rule).get("reason").toString())
                    .hasSizeGreaterThan(40));
        });
    }
}
