package uk.co.lomashwood.infra.data;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.co.lomashwood.infra.Templates.data;
import static uk.co.lomashwood.infra.Templates.properties;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.assertions.Match;
import uk.co.lomashwood.infra.SynthesizedApp;

/** Secrets Manager: the seed's twelve paths per environment, under a CMK with a 30-day window and rotation. */
class SecretsTest {

    private static final List<String> SEED_SECRETS = List.of(
            "database-url", "redis-url", "jwt-secret", "better-auth-secret", "stripe-secret-key",
            "stripe-webhook-secret", "ses-smtp-password", "s3-access-key", "s3-secret-key", "twilio-auth-token",
            "firebase-service-account", "nextauth-secret");

    @ParameterizedTest
    @CsvSource({"staging,lomash-staging", "production,lomash-prod"})
    void theTwelveSeedSecretsExistUnderTheEnvironmentsPath(String env, String prefix) {
        assertThat(SEED_SECRETS).hasSize(12);
        for (String name : SEED_SECRETS) {
            data(env).hasResourceProperties("AWS::SecretsManager::Secret", Map.of(
                    "Name", prefix + "/" + name,
                    "KmsKeyId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("KeysSecretsKey.*"), "Arn"))));
        }
        // Twelve seed secrets, the spec's internal token and the cache AUTH token; the RDS master secret is RDS-managed.
        data(env).resourceCountIs("AWS::SecretsManager::Secret", 14);
        data(env).allResourcesProperties("AWS::SecretsManager::Secret", Map.of(
                "KmsKeyId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("KeysSecretsKey.*"), "Arn"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void secretsKeyHasA30DayDeletionWindowAndAnnualRotation(String env) {
        data(env).hasResource("AWS::KMS::Key", Map.of(
                "Properties", Match.objectLike(Map.of(
                        "EnableKeyRotation", true, "RotationPeriodInDays", 365, "PendingWindowInDays", 30,
                        "Description", Match.stringLikeRegexp("Secrets Manager.*"))),
                "DeletionPolicy", "Retain"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void noSecretValueIsWrittenIntoTheTemplate(String env) {
        for (Map<String, Object> secret : properties(data(env), "AWS::SecretsManager::Secret")) {
            if (secret.containsKey("SecretString")) {
                // Only redis-url, assembled from dynamic references.
                assertThat(secret.get("SecretString").toString()).contains("{{resolve:secretsmanager:");
            } else {
                assertThat(secret).containsKey("GenerateSecretString");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void databaseUrlHoldsOneFieldPerServiceWithADatabase(String env) {
        Map<String, Object> secret = uk.co.lomashwood.infra.Templates.only(data(env), "AWS::SecretsManager::Secret",
                Map.of("Name", SynthesizedApp.stage(env).config().secretPath("database-url")));
        String template = uk.co.lomashwood.infra.Templates.map(secret.get("GenerateSecretString"))
                .get("SecretStringTemplate").toString();
        assertThat(template).contains("\"auth-service\"", "\"product-service\"", "\"order-payment-service\"",
                "\"appointment-service\"", "\"content-service\"", "\"customer-service\"", "\"notification-service\"",
                "\"analytics-service\"").doesNotContain("api-gateway");
    }
}
