package uk.co.lomashwood.infra.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.co.lomashwood.infra.Templates.services;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import uk.co.lomashwood.infra.config.PlatformServices;

/** Production: CodeDeploy blue/green, 10% canary for 10 minutes, automatic rollback on alarm. */
class BlueGreenTest {

    private static final String GROUP = "AWS::CodeDeploy::DeploymentGroup";

    @Test
    void canaryShiftsTenPercentForTenMinutes() {
        services("production").hasResourceProperties("AWS::CodeDeploy::DeploymentConfig", Map.of(
                "ComputePlatform", "ECS",
                "TrafficRoutingConfig", Map.of("Type", "TimeBasedCanary",
                        "TimeBasedCanary", Map.of("CanaryPercentage", 10, "CanaryInterval", 10))));
    }

    @Test
    void everyServiceHasABlueGreenGroupThatRollsBackOnAlarm() {
        services("production").resourceCountIs(GROUP, 9);
        services("production").hasResourceProperties("AWS::CodeDeploy::Application", Map.of("ComputePlatform", "ECS"));
        for (var spec : PlatformServices.ALL) {
            services("production").hasResourceProperties(GROUP, Map.of(
                    "DeploymentGroupName", spec.name(),
                    "DeploymentConfigName", Map.of("Ref", Match.stringLikeRegexp("Canary10Percent10Minutes.*")),
                    "DeploymentStyle", Map.of("DeploymentOption", "WITH_TRAFFIC_CONTROL", "DeploymentType", "BLUE_GREEN"),
                    "AutoRollbackConfiguration", Map.of("Enabled", true, "Events", List.of(
                            "DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_REQUEST", "DEPLOYMENT_STOP_ON_ALARM")),
                    "AlarmConfiguration", Map.of("Enabled", true, "Alarms", List.of(
                            Map.of("Name", Map.of("Ref", Match.stringLikeRegexp(spec.constructId() + "AlarmsErrorRate.*"))),
                            Map.of("Name", Map.of("Ref", Match.stringLikeRegexp(spec.constructId() + "AlarmsUnhealthyTargets.*"))))),
                    "LoadBalancerInfo", Map.of("TargetGroupPairInfoList", List.of(Match.objectLike(Map.of(
                            "TargetGroups", List.of(
                                    Map.of("Name", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp(spec.constructId() + "Targets.*"), "TargetGroupName"))),
                                    Map.of("Name", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp(spec.constructId() + "GreenTargets.*"), "TargetGroupName"))))))))));
        }
    }

    @Test
    void theGatewayShiftsOnThePublicListenerAndEveryOtherServiceOnTheClosedOne() {
        for (var spec : PlatformServices.ALL) {
            String listener = spec.isGateway() ? ".*LoadBalancerAlbHttps.*" : ".*LoadBalancerAlbClosed.*";
            services("production").hasResourceProperties(GROUP, Map.of(
                    "DeploymentGroupName", spec.name(),
                    "LoadBalancerInfo", Map.of("TargetGroupPairInfoList", List.of(Match.objectLike(Map.of(
                            "ProdTrafficRoute", Map.of("ListenerArns", List.of(
                                    Map.of("Fn::ImportValue", Match.stringLikeRegexp(listener)))))))),
                    "ECSServices", List.of(Map.of("ServiceName", Match.anyValue(), "ClusterName", Match.anyValue()))));
        }
    }

    @Test
    void oldTasksAreDrainedAndStoppedAfterCutOver() {
        services("production").allResourcesProperties(GROUP, Map.of("BlueGreenDeploymentConfiguration", Match.objectLike(Map.of(
                "TerminateBlueInstancesOnDeploymentSuccess", Map.of("Action", "TERMINATE", "TerminationWaitTimeInMinutes", 10)))));
    }

    @Test
    void stagingHasNoCodeDeploy() {
        services("staging").resourceCountIs(GROUP, 0);
        services("staging").resourceCountIs("AWS::CodeDeploy::DeploymentConfig", 0);
        assertThat(services("staging").findResources("AWS::CodeDeploy::Application")).isEmpty();
    }
}
