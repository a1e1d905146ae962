package uk.co.lomashwood.infra.messaging;

import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;
import uk.co.lomashwood.infra.config.EnvironmentConfig;

/** The SNS topic every CloudWatch alarm notifies (seed: "CloudWatch alarm → SNS → email / Slack"). */
public final class AlarmTopicConstruct extends Construct {

    private final Topic topic;

    public AlarmTopicConstruct(Construct scope, String id, EnvironmentConfig config, IKey key) {
        super(scope, id);
        topic = Topic.Builder.create(this, "Topic")
                .topicName(config.physicalName("ops-alarms"))
                .displayName("Lomash Wood " + config.name() + " alarms")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        // CloudWatch must be able to use the key to publish to the encrypted topic.
        key.grant(new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");
        config.alarmEmail().ifPresent(email -> topic.addSubscription(new EmailSubscription(email)));
    }

    public Topic topic() {
        return topic;
    }
}
