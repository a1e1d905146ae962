package uk.co.lomashwood.infra.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.co.lomashwood.infra.Templates.messaging;
import static uk.co.lomashwood.infra.Templates.services;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.assertions.Match;
import uk.co.lomashwood.infra.Templates;
import uk.co.lomashwood.infra.events.EventCatalogue;

/** CloudWatch alarms to an SNS topic, DLQ alerting, a dashboard. */
class ObservabilityTest {

    private static final String ALARM = "AWS::CloudWatch::Alarm";

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void alarmTopicIsEncrypted(String env) {
        messaging(env).hasResourceProperties("AWS::SNS::Topic", Map.of(
                "TopicName", Templates.config(env).physicalName("ops-alarms"), "KmsMasterKeyId", Match.anyValue()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void everyNonScalingAlarmNotifiesTheAlarmTopic(String env) {
        var alarms = Templates.properties(services(env), ALARM);
        var paging = alarms.stream().filter(a -> !String.valueOf(a.get("AlarmName")).contains("-scale-")).toList();
        assertThat(paging).isNotEmpty().allSatisfy(a ->
                assertThat(a.get("AlarmActions").toString()).contains("AlarmsTopic"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void everyDeadLetterQueueAlertsAfterFiveMinutes(String env) {
        long dlqs = EventCatalogue.consumers().stream().mapToLong(c -> EventCatalogue.consumesFifo(c) ? 2 : 1).sum();
        var dlqAlarms = Templates.properties(services(env), ALARM).stream()
                .filter(a -> String.valueOf(a.get("AlarmDescription")).startsWith("Messages waiting in a dead-letter queue"))
                .toList();
        assertThat(dlqAlarms).hasSize((int) dlqs).allSatisfy(a -> assertThat(a)
                .containsEntry("Threshold", 0).containsEntry("EvaluationPeriods", 5)
                .containsEntry("MetricName", "ApproximateNumberOfMessagesVisible"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void serviceHealthAndPlatformAlarms(String env) {
        var config = Templates.config(env);
        for (var spec : uk.co.lomashwood.infra.config.PlatformServices.ALL) {
            services(env).hasResourceProperties(ALARM, Map.of("AlarmName", config.physicalName(spec.name()) + "-5xx-rate",
                    "Threshold", 1));
            services(env).hasResourceProperties(ALARM, Map.of("AlarmName", config.physicalName(spec.name()) + "-memory-high",
                    "Threshold", 80));
        }
        services(env).hasResourceProperties(ALARM, Map.of("AlarmName", config.physicalName("postgres-connections"),
                "Threshold", 400));
        services(env).hasResourceProperties(ALARM, Map.of("AlarmName", config.physicalName("redis-memory"),
                "Threshold", 85));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void oneDashboardPerEnvironment(String env) {
        services(env).resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        services(env).hasResourceProperties("AWS::CloudWatch::Dashboard", Map.of(
                "DashboardName", Templates.config(env).physicalName("platform")));
    }
}
