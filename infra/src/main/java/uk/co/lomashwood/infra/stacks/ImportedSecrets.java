package uk.co.lomashwood.infra.stacks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;
import uk.co.lomashwood.infra.data.SecretsConstruct;

/**
 * The data stack's secrets as seen from the services stack. Handing ECS the secrets themselves would make
 * CDK write the execution roles into the secrets key's policy, and the data stack would then depend on
 * the services stack; imported references keep every grant on the role side.
 */
final class ImportedSecrets {

    private final Construct scope;
    private final SecretsConstruct secrets;
    private final Map<String, ISecret> imported = new HashMap<>();

    ImportedSecrets(Construct scope, SecretsConstruct secrets) {
        this.scope = scope;
        this.secrets = secrets;
    }

    ISecret get(String name) {
        return imported.computeIfAbsent(name, n -> Secret.fromSecretCompleteArn(scope, "Secret-" + n,
                secrets.secret(n).getSecretArn()));
    }

    /** Lets {@code role} decrypt the secrets key, only when Secrets Manager asks on its behalf. */
    void grantDecrypt(IRole role, String keyArn) {
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("kms:Decrypt"))
                .resources(List.of(keyArn))
                .conditions(Map.of("StringEquals", Map.of("kms:ViaService",
                        "secretsmanager." + Stack.of(scope).getRegion() + ".amazonaws.com")))
                .build());
    }
}
