package uk.co.lomashwood.infra.stacks;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;
import uk.co.lomashwood.infra.config.EnvironmentConfig;
import uk.co.lomashwood.infra.data.EncryptionKeys;
import uk.co.lomashwood.infra.messaging.AlarmTopicConstruct;
import uk.co.lomashwood.infra.messaging.EventBusConstruct;

/** The event bus (SNS topics, SQS queues, DLQs) and the alarm topic, encrypted with their own CMK. */
public final class MessagingStack extends Stack {

    private final Key key;
    private final EventBusConstruct eventBus;
    private final AlarmTopicConstruct alarms;

    public MessagingStack(Construct scope, String id, StackProps props, EnvironmentConfig config) {
        super(scope, id, props);
        key = EncryptionKeys.key(this, "MessagingKey", config.physicalName("messaging"),
                "SNS topics and SQS queues of " + config.name());
        alarms = new AlarmTopicConstruct(this, "Alarms", config, key);
        eventBus = new EventBusConstruct(this, "EventBus", config, key);
    }

    public Key key() {
        return key;
    }

    public EventBusConstruct eventBus() {
        return eventBus;
    }

    public AlarmTopicConstruct alarms() {
        return alarms;
    }
}
