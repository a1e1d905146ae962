package uk.co.lomashwood.infra.observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeElb;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.rds.IDatabaseInstance;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;
import uk.co.lomashwood.infra.compute.MicroserviceConstruct;
import uk.co.lomashwood.infra.compute.TargetGroupMetrics;
import uk.co.lomashwood.infra.config.EnvironmentConfig;
import uk.co.lomashwood.infra.data.PostgresParameters;

/**
 * Platform-level alarms (ALB, RDS, cache, dead-letter queues) to the alarm topic, and one dashboard per
 * environment. Thresholds follow spec 00 §8.5.
 */
public final class ObservabilityConstruct extends Construct {

    /** Spec 00 §8.5 Postgres capacity: connections above 80% of max_connections. */
    public static final double CONNECTIONS_WARNING_RATIO = 0.8;
    /** Spec 00 §8.5 RedisHighMemoryUsage. */
    public static final int CACHE_MEMORY_PERCENT = 85;
    /** Spec 00 §4.4: alert when a DLQ holds messages for 5 minutes. */
    public static final int DLQ_MINUTES = 5;

    /** Everything the construct watches. */
    public record Inputs(EnvironmentConfig config, ITopic alarmTopic, ApplicationLoadBalancer alb,
                         IDatabaseInstance database, List<String> cacheNodeIds,
                         List<MicroserviceConstruct> services, Map<String, TargetGroupMetrics> serviceMetrics,
                         List<IQueue> deadLetterQueues) {
    }

    private final List<Alarm> alarms = new ArrayList<>();

    public ObservabilityConstruct(Construct scope, String id, Inputs in) {
        super(scope, id);
        EnvironmentConfig config = in.config();
        SnsAction notify = new SnsAction(in.alarmTopic());

        alarm("AlbElb5xx", config.physicalName("alb-5xx"), "ALB-generated 5xx above 10 a minute for 5 minutes",
                in.alb().getMetrics().httpCodeElb(HttpCodeElb.ELB_5XX_COUNT, perMinute("Sum")),
                10, ComparisonOperator.GREATER_THAN_THRESHOLD, 5, notify);

        int maxConnections = Integer.parseInt(PostgresParameters.seed().get("max_connections"));
        alarm("DbConnections", config.physicalName("postgres-connections"),
                "PostgreSQL connections above 80% of max_connections for 5 minutes",
                in.database().metricDatabaseConnections(perMinute("Maximum")),
                maxConnections * CONNECTIONS_WARNING_RATIO, ComparisonOperator.GREATER_THAN_THRESHOLD, 5, notify);
        alarm("DbCpu", config.physicalName("postgres-cpu"), "PostgreSQL CPU above 80% for 10 minutes",
                in.database().metricCPUUtilization(perMinute("Average")),
                80, ComparisonOperator.GREATER_THAN_THRESHOLD, 10, notify);
        // Disk above 80% used means free space below 20% of the allocation.
        alarm("DbStorage", config.physicalName("postgres-storage"), "PostgreSQL free storage below 20%",
                in.database().metricFreeStorageSpace(perMinute("Minimum")),
                config.dbStorageGiB() * 0.2 * 1024 * 1024 * 1024, ComparisonOperator.LESS_THAN_THRESHOLD, 5, notify);

        alarm("CacheMemory", config.physicalName("redis-memory"), "Cache memory above 85% for 5 minutes",
                cacheMax(in.cacheNodeIds(), "DatabaseMemoryUsagePercentage"),
                CACHE_MEMORY_PERCENT, ComparisonOperator.GREATER_THAN_THRESHOLD, 5, notify);

        for (IQueue dlq : in.deadLetterQueues()) {
            String name = dlq.getNode().getId();
            alarm("Dlq" + name, null, "Messages waiting in a dead-letter queue for 5 minutes",
                    dlq.metricApproximateNumberOfMessagesVisible(perMinute("Maximum")),
                    0, ComparisonOperator.GREATER_THAN_THRESHOLD, DLQ_MINUTES, notify);
        }

        Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(config.physicalName("platform"))
                .widgets(widgets(in))
                .build();
    }

    public List<Alarm> alarms() {
        return alarms;
    }

    private void alarm(String id, String name, String description, IMetric metric, double threshold,
                       ComparisonOperator comparison, int minutes, SnsAction notify) {
        var builder = Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(comparison)
                .evaluationPeriods(minutes)
                .datapointsToAlarm(minutes)
                .treatMissingData(TreatMissingData.NOT_BREACHING);
        if (name != null) {
            builder.alarmName(name);
        }
        Alarm alarm = builder.build();
        alarm.addAlarmAction(notify);
        alarm.addOkAction(notify);
        alarms.add(alarm);
    }

    private List<List<IWidget>> widgets(Inputs in) {
        List<List<IWidget>> rows = new ArrayList<>();
        rows.add(List.of(TextWidget.Builder.create()
                .markdown("# Lomash Wood " + in.config().name() + "\nECS services, ALB, PostgreSQL, cache and event queues")
                .width(24).height(2).build()));
        List<IWidget> row = new ArrayList<>();
        for (MicroserviceConstruct service : in.services()) {
            TargetGroupMetrics metrics = in.serviceMetrics().get(service.spec().name());
            row.add(GraphWidget.Builder.create()
                    .title(service.spec().name())
                    .width(8)
                    .left(List.of(service.service().metricCpuUtilization(perMinute("Average")),
                            service.service().metricMemoryUtilization(perMinute("Average"))))
                    .right(List.of(metrics.p95ResponseTime(), metrics.errorRatePercent()))
                    .build());
            if (row.size() == 3) {
                rows.add(List.copyOf(row));
                row.clear();
            }
        }
        if (!row.isEmpty()) {
            rows.add(List.copyOf(row));
        }
        rows.add(List.of(
                GraphWidget.Builder.create().title("ALB").width(8)
                        .left(List.of(in.alb().getMetrics().requestCount(perMinute("Sum"))))
                        .right(List.of(in.alb().getMetrics().httpCodeElb(HttpCodeElb.ELB_5XX_COUNT, perMinute("Sum"))))
                        .build(),
                GraphWidget.Builder.create().title("PostgreSQL").width(8)
                        .left(List.of(in.database().metricCPUUtilization(perMinute("Average"))))
                        .right(List.of(in.database().metricDatabaseConnections(perMinute("Maximum"))))
                        .build(),
                GraphWidget.Builder.create().title("Cache").width(8)
                        .left(List.of(cacheMax(in.cacheNodeIds(), "DatabaseMemoryUsagePercentage")))
                        .right(List.of(cacheMax(in.cacheNodeIds(), "EngineCPUUtilization")))
                        .build()));
        rows.add(List.of(GraphWidget.Builder.create().title("Dead-letter queues").width(24)
                .left(in.deadLetterQueues().stream()
                        .map(q -> (IMetric) q.metricApproximateNumberOfMessagesVisible(perMinute("Maximum")))
                        .toList())
                .build()));
        return rows;
    }

    private static IMetric cacheMax(List<String> nodeIds, String metricName) {
        Map<String, IMetric> using = new LinkedHashMap<>();
        for (int i = 0; i < nodeIds.size(); i++) {
            using.put(metricName.replaceAll("[^A-Z]", "").toLowerCase(java.util.Locale.ROOT) + i, Metric.Builder.create()
                    .namespace("AWS/ElastiCache")
                    .metricName(metricName)
                    .dimensionsMap(Map.of("CacheClusterId", nodeIds.get(i)))
                    .statistic("Maximum")
                    .period(Duration.minutes(1))
                    .build());
        }
        return MathExpression.Builder.create()
                .expression("MAX([" + String.join(", ", using.keySet()) + "])")
                .usingMetrics(using)
                .label(metricName)
                .period(Duration.minutes(1))
                .build();
    }

    private static MetricOptions perMinute(String statistic) {
        return MetricOptions.builder().period(Duration.minutes(1)).statistic(statistic).build();
    }
}
