package uk.co.lomashwood.infra.compute;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;

/**
 * ALB metrics of one service across its target groups. With blue/green either group may be live, so
 * every figure combines both; the green group is never attached to a listener by CDK, hence the
 * hand-built dimensions.
 *
 * <p>Request figures (count, 5xx, response time) cover only traffic that passes the ALB, i.e. the gateway's:
 * the other services are called through Cloud Map, inside the VPC, and their target groups sit on the closed
 * listener (README decision 6). Health figures (unhealthy targets) cover every service.
 */
public final class TargetGroupMetrics {

    private static final Duration ONE_MINUTE = Duration.minutes(1);

    private final ApplicationLoadBalancer alb;
    private final List<ApplicationTargetGroup> groups;

    public TargetGroupMetrics(ApplicationLoadBalancer alb, List<? extends ApplicationTargetGroup> groups) {
        this.alb = alb;
        this.groups = List.copyOf(groups);
    }

    /** 5xx responses from targets as a percentage of requests, per minute. */
    public IMetric errorRatePercent() {
        Map<String, IMetric> using = new LinkedHashMap<>();
        StringBuilder errors = new StringBuilder();
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < groups.size(); i++) {
            using.put("e" + i, metric(groups.get(i), "HTTPCode_Target_5XX_Count", "Sum"));
            using.put("r" + i, metric(groups.get(i), "RequestCount", "Sum"));
            errors.append(i == 0 ? "" : " + ").append("FILL(e").append(i).append(", 0)");
            requests.append(i == 0 ? "" : " + ").append("FILL(r").append(i).append(", 0)");
        }
        return MathExpression.Builder.create()
                .expression("100 * (" + errors + ") / (" + requests + ")")
                .usingMetrics(using)
                .label("5xx %")
                .period(ONE_MINUTE)
                .build();
    }

    /** Highest unhealthy-target count of any of the groups. */
    public IMetric unhealthyHosts() {
        return combine("UnHealthyHostCount", "Maximum", "Unhealthy targets");
    }

    /** Highest p95 target response time of any of the groups, in seconds. */
    public IMetric p95ResponseTime() {
        return combine("TargetResponseTime", "p95", "p95 response time");
    }

    public IMetric requests() {
        return combine("RequestCount", "Sum", "Requests");
    }

    private IMetric combine(String name, String statistic, String label) {
        if (groups.size() == 1) {
            return metric(groups.get(0), name, statistic);
        }
        Map<String, IMetric> using = new LinkedHashMap<>();
        String prefix = name.replaceAll("[^A-Z]", "").toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < groups.size(); i++) {
            using.put(prefix + i, metric(groups.get(i), name, statistic));
        }
        String function = statistic.equals("Sum") ? "SUM" : "MAX";
        return MathExpression.Builder.create()
                .expression(function + "([" + String.join(", ", using.keySet()) + "])")
                .usingMetrics(using)
                .label(label)
                .period(ONE_MINUTE)
                .build();
    }

    private Metric metric(ApplicationTargetGroup group, String name, String statistic) {
        return Metric.Builder.create()
                .namespace("AWS/ApplicationELB")
                .metricName(name)
                .dimensionsMap(Map.of(
                        "LoadBalancer", alb.getLoadBalancerFullName(),
                        "TargetGroup", group.getTargetGroupFullName()))
                .statistic(statistic)
                .period(ONE_MINUTE)
                .build();
    }
}
