package uk.co.lomashwood.infra.compute;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;
import uk.co.lomashwood.infra.config.EnvironmentConfig;
import uk.co.lomashwood.infra.config.ServiceSpec;

/**
 * Alarms of one service that page through the alarm topic; the first two also stop a production
 * blue/green deployment and roll it back.
 */
public final class ServiceHealthAlarms extends Construct {

    /** Spec 00 §8.5 HighErrorRate: 5xx above 1%. */
    public static final double ERROR_RATE_PERCENT = 1.0;
    /** Spec 00 §8.5 Containers: memory above 80%. */
    public static final double MEMORY_PERCENT = 80.0;

    private final Alarm errorRate;
    private final Alarm unhealthyTargets;
    private final Alarm memory;

    public ServiceHealthAlarms(Construct scope, String id, EnvironmentConfig config, ServiceSpec spec,
                               FargateService service, TargetGroupMetrics metrics, ITopic alarmTopic) {
        super(scope, id);
        String prefix = config.physicalName(spec.name());
        errorRate = Alarm.Builder.create(this, "ErrorRate")
                .alarmName(prefix + "-5xx-rate")
                .alarmDescription(spec.name() + ": target 5xx above 1% of requests for 2 minutes")
                .metric(metrics.errorRatePercent())
                .threshold(ERROR_RATE_PERCENT)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(2).datapointsToAlarm(2)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        unhealthyTargets = Alarm.Builder.create(this, "UnhealthyTargets")
                .alarmName(prefix + "-unhealthy-targets")
                .alarmDescription(spec.name() + ": at least one target failing /health/ready for 2 minutes")
                .metric(metrics.unhealthyHosts())
                .threshold(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(2).datapointsToAlarm(2)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        memory = Alarm.Builder.create(this, "Memory")
                .alarmName(prefix + "-memory-high")
                .alarmDescription(spec.name() + ": task memory above 80% for 5 minutes")
                .metric(service.metricMemoryUtilization(MetricOptions.builder()
                        .period(Duration.minutes(1)).statistic("Average").build()))
                .threshold(MEMORY_PERCENT)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(5).datapointsToAlarm(5)
                .treatMissingData(TreatMissingData.MISSING)
                .build();
        SnsAction notify = new SnsAction(alarmTopic);
        List.of(errorRate, unhealthyTargets, memory).forEach(alarm -> {
            alarm.addAlarmAction(notify);
            alarm.addOkAction(notify);
        });
    }

    /** The alarms that roll a deployment back. */
    public List<Alarm> deploymentAlarms() {
        return List.of(errorRate, unhealthyTargets);
    }

    public List<Alarm> all() {
        return List.of(errorRate, unhealthyTargets, memory);
    }
}
