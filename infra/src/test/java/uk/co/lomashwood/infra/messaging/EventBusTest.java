package uk.co.lomashwood.infra.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.co.lomashwood.infra.Templates.messaging;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.assertions.Match;
import uk.co.lomashwood.infra.Templates;
import uk.co.lomashwood.infra.events.EventCatalogue;
import uk.co.lomashwood.infra.events.EventDomain;

/** Spec 00 §4.1/§4.4/§4.7: domain topics, per-consumer queues with DLQs, filter policies on `topic`. */
class EventBusTest {

    private static final String TOPIC = "AWS::SNS::Topic";
    private static final String QUEUE = "AWS::SQS::Queue";
    private static final String SUBSCRIPTION = "AWS::SNS::Subscription";

    @ParameterizedTest
    @CsvSource({
            "staging,auth,false", "staging,product,false", "staging,order,true", "staging,appointment,true",
            "staging,content,false", "staging,customer,false", "staging,notification,false", "staging,analytics,false",
            "production,auth,false", "production,product,false", "production,order,true", "production,appointment,true",
            "production,content,false", "production,customer,false", "production,notification,false",
            "production,analytics,false"})
    void oneEncryptedTopicPerDomain(String env, String domain, boolean fifo) {
        String name = Templates.config(env).physicalName(domain + "-events") + (fifo ? ".fifo" : "");
        var props = new java.util.HashMap<String, Object>(Map.of("TopicName", name,
                "KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("MessagingKey.*"), "Arn"))));
        if (fifo) {
            props.put("FifoTopic", true);
            props.put("ContentBasedDeduplication", false);
        }
        messaging(env).hasResourceProperties(TOPIC, props);
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void eightDomainTopicsPlusTheAlarmTopic(String env) {
        messaging(env).resourceCountIs(TOPIC, 9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void everyConsumerOwnsQueuesWithDeadLetterQueues(String env) {
        var config = Templates.config(env);
        int queues = 0;
        for (String consumer : EventCatalogue.consumers()) {
            List<String> suffixes = EventCatalogue.consumesFifo(consumer) ? List.of("", ".fifo") : List.of("");
            for (String suffix : suffixes) {
                String base = config.physicalName(consumer);
                String dlqName = base + "-dlq" + suffix;
                messaging(env).hasResourceProperties(QUEUE, Map.of(
                        "QueueName", dlqName, "MessageRetentionPeriod", 1209600,
                        "KmsMasterKeyId", Match.anyValue()));
                messaging(env).hasResourceProperties(QUEUE, Map.of(
                        "QueueName", base + suffix,
                        "VisibilityTimeout", 30,
                        "KmsMasterKeyId", Match.anyValue(),
                        "RedrivePolicy", Map.of("maxReceiveCount", 3,
                                "deadLetterTargetArn", Map.of("Fn::GetAtt", List.of(Match.anyValue(), "Arn")))));
                queues += 2;
            }
        }
        messaging(env).resourceCountIs(QUEUE, queues);
        assertThat(EventCatalogue.consumers()).containsExactly("analytics-service", "appointment-service",
                "auth-service", "content-service", "customer-service", "notification-service", "order-payment-service",
                "product-service");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void everyConsumedDomainHasOneFilteredRawSubscription(String env) {
        int expected = 0;
        for (String consumer : EventCatalogue.consumers()) {
            for (EventDomain domain : EventDomain.values()) {
                List<String> topics = EventCatalogue.topicsConsumed(consumer, domain);
                if (topics.isEmpty()) {
                    continue;
                }
                expected++;
                messaging(env).hasResourceProperties(SUBSCRIPTION, Map.of(
                        "Protocol", "sqs", "RawMessageDelivery", true,
                        "FilterPolicy", Map.of("topic", topics),
                        "TopicArn", Map.of("Ref", Match.stringLikeRegexp("EventBus" + camel(domain.id()) + "Events.*")),
                        "Endpoint", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp(
                                "EventBus" + camel(consumer) + (domain.fifo() ? "FifoQueue" : "Queue") + ".*"), "Arn"))));
            }
        }
        assertThat(expected).isEqualTo(29);
        // Plus the optional e-mail subscription on the alarm topic in production.
        messaging(env).resourceCountIs(SUBSCRIPTION, expected + (env.equals("production") ? 1 : 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "product-service;ORDER;order.cancelled,order.confirmed,order.expired",
            "order-payment-service;PRODUCT;product.inventory.reservation_failed",
            "order-payment-service;ORDER;order.invoice.generated",
            "auth-service;CUSTOMER;customer.profile.updated,customer.user.erased",
            "appointment-service;NOTIFICATION;notification.reminder.sent",
            "content-service;APPOINTMENT;appointment.showroom.updated",
            "customer-service;AUTH;auth.email.verified,auth.user.created,auth.user.deleted,auth.user.status_changed,auth.user.updated"})
    void filterPoliciesMatchTheCatalogue(String consumer, String domain, String topics) {
        assertThat(EventCatalogue.topicsConsumed(consumer, EventDomain.valueOf(domain))).containsExactly(topics.split(","));
    }

    private static String camel(String name) {
        StringBuilder id = new StringBuilder();
        for (String part : name.split("-")) {
            id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return id.toString();
    }
}
