package uk.co.lomashwood.infra.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.co.lomashwood.infra.Templates.map;
import static uk.co.lomashwood.infra.Templates.services;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.assertions.Match;
import uk.co.lomashwood.infra.Templates;
import uk.co.lomashwood.infra.config.PlatformServices;

/** The seed's production autoscaling table, row by row. */
class AutoscalingTest {

    private static final String TARGET = "AWS::ApplicationAutoScaling::ScalableTarget";
    private static final String ALARM = "AWS::CloudWatch::Alarm";

    /** Floor is one task per AZ (3); maximum as the seed's table. */
    @ParameterizedTest
    @CsvSource({
            "api-gateway,3,20", "auth-service,3,10", "product-service,3,15", "order-payment-service,3,10",
            "appointment-service,3,8", "content-service,3,10", "customer-service,3,8",
            "notification-service,3,12", "analytics-service,3,6"})
    void productionBounds(String service, int min, int max) {
        var matching = Templates.properties(services("production"), TARGET).stream()
                .filter(p -> p.get("ResourceId").toString().contains(PlatformServices.named(service).constructId()))
                .toList();
        assertThat(matching).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("MinCapacity", min).containsEntry("MaxCapacity", max)
                .containsEntry("ScalableDimension", "ecs:service:DesiredCount").containsEntry("ServiceNamespace", "ecs"));
    }

    @ParameterizedTest
    @CsvSource({
            "api-gateway,60,2", "auth-service,70,2", "product-service,65,2", "order-payment-service,70,2",
            "appointment-service,70,2", "content-service,65,2", "customer-service,70,2", "analytics-service,75,3"})
    void cpuScaleOutMatchesTheSeed(String service, int percent, int minutes) {
        Map<String, Object> alarm = alarm(service + "-scale-cpu-high");
        assertThat(alarm).containsEntry("Threshold", percent)
                .containsEntry("ComparisonOperator", "GreaterThanThreshold")
                .containsEntry("EvaluationPeriods", minutes).containsEntry("DatapointsToAlarm", minutes)
                .containsEntry("Period", 60).containsEntry("MetricName", "CPUUtilization")
                .containsEntry("Namespace", "AWS/ECS");
        assertThat(alarm.get("AlarmActions").toString()).contains("CpuScaleOut");
    }

    @Test
    void productServiceAlsoScalesOnP95LatencyAboveOneSecond() {
        Map<String, Object> alarm = alarm("product-service-scale-latency-high");
        assertThat(alarm).containsEntry("Threshold", 1).containsEntry("ComparisonOperator", "GreaterThanThreshold");
        assertThat(alarm.get("Metrics").toString()).contains("TargetResponseTime").contains("p95");
    }

    @Test
    void notificationServiceScalesOnQueueDepthAbove500() {
        Map<String, Object> alarm = alarm("notification-service-scale-queue-depth-high");
        assertThat(alarm).containsEntry("Threshold", 500).containsEntry("ComparisonOperator", "GreaterThanThreshold");
        assertThat(alarm.get("Metrics").toString())
                .contains("ApproximateNumberOfMessagesVisible")
                .contains("NotificationServiceQueue").contains("NotificationServiceFifoQueue");
        assertThat(services("production").findResources(ALARM, Map.of("Properties", Match.objectLike(Map.of(
                "AlarmName", "lomash-prod-notification-service-scale-cpu-high"))))).isEmpty();
    }

    @Test
    void everyServiceAlsoScalesOutOnMemoryAbove80() {
        for (var spec : uk.co.lomashwood.infra.config.PlatformServices.ALL) {
            assertThat(alarm(spec.name() + "-scale-memory-high")).containsEntry("Threshold", 80)
                    .containsEntry("MetricName", "MemoryUtilization");
        }
    }

    @Test
    void cooldownsAre60sOutAnd300sIn() {
        var policies = Templates.properties(services("production"), "AWS::ApplicationAutoScaling::ScalingPolicy");
        assertThat(policies).isNotEmpty().allSatisfy(p -> {
            Map<String, Object> config = map(p.get("StepScalingPolicyConfiguration"));
            boolean scaleIn = config.get("StepAdjustments").toString().contains("ScalingAdjustment=-1");
            assertThat(config.get("Cooldown")).isEqualTo(scaleIn ? 300 : 60);
            assertThat(p.get("PolicyType")).isEqualTo("StepScaling");
        });
    }

    @Test
    void stagingDoesNotAutoscale() {
        services("staging").resourceCountIs(TARGET, 0);
        services("staging").resourceCountIs("AWS::ApplicationAutoScaling::ScalingPolicy", 0);
    }

    private static Map<String, Object> alarm(String suffix) {
        return Templates.only(services("production"), ALARM, Map.of("AlarmName", "lomash-prod-" + suffix));
    }
}
