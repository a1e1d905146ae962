package uk.co.lomashwood.infra.config;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The seed's twelve secrets per environment, plus the internal token that spec 00 §2.2 adds. */
public final class PlatformSecrets {

    private static final Set<String> EVERY_SERVICE =
            PlatformServices.ALL.stream().map(ServiceSpec::name).collect(Collectors.toUnmodifiableSet());

    /** The gateway has no database (spec 00 §0), so "all services" means the eight that own one. */
    private static final Set<String> SERVICES_WITH_DATABASE = PlatformServices.ALL.stream()
            .filter(s -> s.database().isPresent()).map(ServiceSpec::name).collect(Collectors.toUnmodifiableSet());

    public static final List<SecretSpec> SEED = List.of(
            new SecretSpec("database-url", "DATABASE_URL", SERVICES_WITH_DATABASE, SecretSpec.Source.OPERATOR_PER_SERVICE),
            new SecretSpec("redis-url", "REDIS_URL", EVERY_SERVICE, SecretSpec.Source.DERIVED),
            new SecretSpec("jwt-secret", "JWT_SECRET", Set.of("auth-service"), SecretSpec.Source.OPERATOR),
            new SecretSpec("better-auth-secret", "BETTER_AUTH_SECRET", Set.of("auth-service"), SecretSpec.Source.GENERATED),
            new SecretSpec("stripe-secret-key", "STRIPE_SECRET_KEY", Set.of("order-payment-service"), SecretSpec.Source.OPERATOR),
            new SecretSpec("stripe-webhook-secret", "STRIPE_WEBHOOK_SECRET", Set.of("order-payment-service"), SecretSpec.Source.OPERATOR),
            new SecretSpec("ses-smtp-password", "SES_SMTP_PASSWORD", Set.of("notification-service"), SecretSpec.Source.OPERATOR),
            new SecretSpec("s3-access-key", "S3_ACCESS_KEY", Set.of("content-service"), SecretSpec.Source.OPERATOR),
            new SecretSpec("s3-secret-key", "S3_SECRET_KEY", Set.of("content-service"), SecretSpec.Source.OPERATOR),
            new SecretSpec("twilio-auth-token", "TWILIO_AUTH_TOKEN", Set.of("notification-service"), SecretSpec.Source.OPERATOR),
            new SecretSpec("firebase-service-account", "FIREBASE_SERVICE_ACCOUNT", Set.of("notification-service"), SecretSpec.Source.OPERATOR),
            new SecretSpec("nextauth-secret", "NEXTAUTH_SECRET", Set.of("api-gateway"), SecretSpec.Source.GENERATED));

    /** Shared secret behind {@code X-Internal-Token} (spec 00 §2.2); every service sends or checks it. */
    public static final SecretSpec INTERNAL_TOKEN =
            new SecretSpec("internal-token", "INTERNAL_TOKEN", EVERY_SERVICE, SecretSpec.Source.GENERATED);

    public static final List<SecretSpec> ALL = concat(SEED, INTERNAL_TOKEN);

    private PlatformSecrets() {
    }

    private static List<SecretSpec> concat(List<SecretSpec> seed, SecretSpec extra) {
        var all = new java.util.ArrayList<>(seed);
        all.add(extra);
        return List.copyOf(all);
    }
}
