package uk.co.lomashwood.infra.compute;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.applicationautoscaling.AdjustmentTier;
import software.amazon.awscdk.services.applicationautoscaling.AdjustmentType;
import software.amazon.awscdk.services.applicationautoscaling.MetricAggregationType;
import software.amazon.awscdk.services.applicationautoscaling.ScalableTarget;
import software.amazon.awscdk.services.applicationautoscaling.ServiceNamespace;
import software.amazon.awscdk.services.applicationautoscaling.StepScalingAction;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.ApplicationScalingAction;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;
import uk.co.lomashwood.infra.config.AutoscalingRule;
import uk.co.lomashwood.infra.config.EnvironmentConfig;
import uk.co.lomashwood.infra.config.ScaleOutTrigger;
import uk.co.lomashwood.infra.config.ServiceSpec;

/**
 * The seed's production autoscaling row of one service, built from explicit alarms and step policies so
 * the thresholds and durations in the template are exactly the seed's ("CPU > 60% for 2 min" is an alarm
 * on 2 one-minute periods above 60). Spec 00 §7.7 adds memory above 80% as a scale-out trigger and the
 * cooldowns: 60 s out, 300 s in.
 */
public final class ProductionAutoscaling extends Construct {

    public static final Duration SCALE_OUT_COOLDOWN = Duration.seconds(60);
    public static final Duration SCALE_IN_COOLDOWN = Duration.seconds(300);
    public static final int MEMORY_SCALE_OUT_PERCENT = 80;
    /** Scale in after 15 quiet minutes. */
    public static final int SCALE_IN_MINUTES = 15;

    private final ScalableTarget target;
    private final String alarmPrefix;

    public ProductionAutoscaling(Construct scope, String id, EnvironmentConfig config, ServiceSpec spec,
                                 ICluster cluster, FargateService service, TargetGroupMetrics albMetrics,
                                 List<IQueue> eventQueues) {
        super(scope, id);
        AutoscalingRule rule = spec.autoscaling();
        alarmPrefix = config.physicalName(spec.name()) + "-scale";
        target = ScalableTarget.Builder.create(this, "Target")
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId("service/" + cluster.getClusterName() + "/" + service.getServiceName())
                .scalableDimension("ecs:service:DesiredCount")
                .minCapacity(config.minimumTasks(rule))
                .maxCapacity(rule.maximum())
                // The service-linked role ECS scaling uses anyway; avoids one IAM role per service.
                .role(Role.fromRoleArn(this, "ScalingRole", Stack.of(this).formatArn(ArnComponents.builder()
                        .service("iam").region("").resource("role")
                        .resourceName("aws-service-role/ecs.application-autoscaling.amazonaws.com/"
                                + "AWSServiceRoleForApplicationAutoScaling_ECSService")
                        .build())))
                .build();

        IMetric cpu = service.metricCpuUtilization(perMinute("Average"));
        switch (rule.trigger()) {
            case ScaleOutTrigger.Cpu c -> cpuRules(cpu, c);
            case ScaleOutTrigger.CpuOrP95Latency c -> {
                cpuRules(cpu, c.cpu());
                scaleOut("Latency", "p95 response time above " + c.p95Seconds() + " s for 2 minutes",
                        albMetrics.p95ResponseTime(), c.p95Seconds(), 2);
            }
            case ScaleOutTrigger.QueueDepth q -> {
                IMetric depth = queueDepth(eventQueues);
                scaleOut("QueueDepth", "event queue depth above " + q.messages() + " messages", depth, q.messages(), 1);
                scaleIn("QueueDepth", "event queue depth below " + q.messages() / 10 + " messages for 15 minutes",
                        depth, q.messages() / 10.0);
            }
        }
        scaleOut("Memory", "memory above 80% for 2 minutes",
                service.metricMemoryUtilization(perMinute("Average")), MEMORY_SCALE_OUT_PERCENT, 2);
    }

    public ScalableTarget target() {
        return target;
    }

    private void cpuRules(IMetric cpu, ScaleOutTrigger.Cpu trigger) {
        scaleOut("Cpu", "CPU above " + trigger.percent() + "% for " + trigger.minutes() + " minutes",
                cpu, trigger.percent(), trigger.minutes());
        // Hysteresis: hand a task back only when CPU sits at half the scale-out threshold.
        scaleIn("Cpu", "CPU below " + trigger.percent() / 2 + "% for 15 minutes", cpu, trigger.percent() / 2.0);
    }

    private void scaleOut(String id, String description, IMetric metric, double threshold, int minutes) {
        StepScalingAction action = StepScalingAction.Builder.create(this, id + "ScaleOut")
                .scalingTarget(target)
                .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                .cooldown(SCALE_OUT_COOLDOWN)
                .metricAggregationType(MetricAggregationType.MAXIMUM)
                .build();
        // One task for a moderate breach, two when far above (20 units past the threshold).
        action.addAdjustment(AdjustmentTier.builder().adjustment(1).lowerBound(0).upperBound(20).build());
        action.addAdjustment(AdjustmentTier.builder().adjustment(2).lowerBound(20).build());
        alarm(id + "High", "scale out: " + description, metric, threshold,
                ComparisonOperator.GREATER_THAN_THRESHOLD, minutes).addAlarmAction(new ApplicationScalingAction(action));
    }

    private void scaleIn(String id, String description, IMetric metric, double threshold) {
        StepScalingAction action = StepScalingAction.Builder.create(this, id + "ScaleIn")
                .scalingTarget(target)
                .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                .cooldown(SCALE_IN_COOLDOWN)
                .metricAggregationType(MetricAggregationType.MAXIMUM)
                .build();
        action.addAdjustment(AdjustmentTier.builder().adjustment(-1).upperBound(0).build());
        alarm(id + "Low", "scale in: " + description, metric, threshold,
                ComparisonOperator.LESS_THAN_THRESHOLD, SCALE_IN_MINUTES).addAlarmAction(new ApplicationScalingAction(action));
    }

    private Alarm alarm(String id, String description, IMetric metric, double threshold,
                        ComparisonOperator comparison, int minutes) {
        return Alarm.Builder.create(this, id)
                .alarmName(alarmPrefix + "-" + id.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT))
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(comparison)
                .evaluationPeriods(minutes)
                .datapointsToAlarm(minutes)
                .treatMissingData(TreatMissingData.MISSING)
                .build();
    }

    private static IMetric queueDepth(List<IQueue> queues) {
        if (queues.isEmpty()) {
            throw new IllegalStateException("queue-depth scaling needs the service's event queues");
        }
        Map<String, IMetric> using = new LinkedHashMap<>();
        for (int i = 0; i < queues.size(); i++) {
            using.put("q" + i, queues.get(i).metricApproximateNumberOfMessagesVisible(perMinute("Maximum")));
        }
        return MathExpression.Builder.create()
                .expression("SUM([" + String.join(", ", using.keySet()) + "])")
                .usingMetrics(using)
                .label("Visible messages")
                .period(Duration.minutes(1))
                .build();
    }

    private static MetricOptions perMinute(String statistic) {
        return MetricOptions.builder().period(Duration.minutes(1)).statistic(statistic).build();
    }
}
