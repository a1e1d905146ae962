package uk.co.lomashwood.order.stripe;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StripeWebhookSignaturesTest {

    private static final String SECRET = "whsec_test_signatures";
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final byte[] EVENT = """
            {"id":"evt_1QabcDEF","object":"event","api_version":"2024-06-20","created":1795607990,
             "data":{"object":{"id":"pi_1QabcDEF","object":"payment_intent","amount":4999,"status":"succeeded"}},
             "livemode":false,"pending_webhooks":1,"request":{"id":"req_1","idempotency_key":"k"},
             "type":"payment_intent.succeeded"}""".getBytes(StandardCharsets.UTF_8);

    private final StripeWebhookSignatures verifier = new StripeWebhookSignatures(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aCorrectlySignedStripeEventIsAcceptedAndParsed() {
        StripeEvent event = verifier.verify(EVENT, StripeWebhookSignatures.sign(EVENT, SECRET, NOW.minusSeconds(10)));

        assertThat(event.id()).isEqualTo("evt_1QabcDEF");
        assertThat(event.type()).isEqualTo("payment_intent.succeeded");
        assertThat(event.livemode()).isFalse();
        assertThat(event.apiVersion()).isEqualTo("2024-06-20");
        assertThat(event.created()).isEqualTo(Instant.ofEpochSecond(1795607990));
        assertThat(event.object().get("id").asString()).isEqualTo("pi_1QabcDEF");
        assertThat(event.object().get("amount").asLong()).isEqualTo(4999);
        assertThat(event.rawJson()).isEqualTo(new String(EVENT, StandardCharsets.UTF_8));
    }

    @Test
    void theSignatureHeaderMatchesStripesDocumentedConstruction() {
        // HMAC-SHA256("whsec_test_signatures", "1795608000.{}") computed independently with openssl
        String header = StripeWebhookSignatures.sign("{}".getBytes(StandardCharsets.UTF_8), SECRET, Instant.ofEpochSecond(1795608000));
        assertThat(header).isEqualTo("t=1795608000,v1=52202576b147af16a6a4ddfeed7cd840887d2e65609056efdd9bd65d07525be4");
    }

    @Test
    void anyMatchingV1IsAcceptedAlongsideRolledSecretsAndV0() {
        String good = StripeWebhookSignatures.sign(EVENT, SECRET, NOW);
        String t = good.substring(0, good.indexOf(','));
        String v1 = good.substring(good.indexOf(',') + 1);
        String header = t + ",v1=" + "ab".repeat(32) + "," + v1 + ",v0=" + "cd".repeat(32);

        assertThat(verifier.verify(EVENT, header).id()).isEqualTo("evt_1QabcDEF");
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String header = StripeWebhookSignatures.sign(EVENT, SECRET, NOW);
        byte[] tampered = new String(EVENT, StandardCharsets.UTF_8).replace("4999", "1").getBytes(StandardCharsets.UTF_8);

        assertRefused(() -> verifier.verify(tampered, header));
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRefused() {
        assertRefused(() -> verifier.verify(EVENT, StripeWebhookSignatures.sign(EVENT, "whsec_someone_else", NOW)));
    }

    @Test
    void aSignatureOlderOrNewerThanFiveMinutesIsRefused() {
        assertRefused(() -> verifier.verify(EVENT, StripeWebhookSignatures.sign(EVENT, SECRET, NOW.minusSeconds(301))));
        assertRefused(() -> verifier.verify(EVENT, StripeWebhookSignatures.sign(EVENT, SECRET, NOW.plusSeconds(301))));
        assertThat(verifier.verify(EVENT, StripeWebhookSignatures.sign(EVENT, SECRET, NOW.minusSeconds(300)))).isNotNull();
    }

    @Test
    void missingOrMalformedHeadersAreRefused() {
        String v1 = ",v1=" + "ab".repeat(32);
        for (String header : new String[] {null, "", "garbage", "t=abc" + v1, "v1=" + "ab".repeat(32), "t=" + NOW.getEpochSecond(),
                "t=" + NOW.getEpochSecond() + ",v1=nothex", "t=" + NOW.getEpochSecond() + ",v0=" + "ab".repeat(32)}) {
            assertRefused(() -> verifier.verify(EVENT, header));
        }
    }

    @Test
    void aSignedBodyThatIsNotAStripeEventIsAValidationError() {
        for (String body : new String[] {"not json", "[]", "{\"id\":\"evt_1\",\"type\":\"x\",\"created\":1}",
                "{\"id\":\"evt_1\",\"created\":1,\"data\":{\"object\":{}}}"}) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> verifier.verify(bytes, StripeWebhookSignatures.sign(bytes, SECRET, NOW)))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
        }
    }

    @Test
    void aBlankSecretRefusesToStart() {
        assertThatThrownBy(() -> new StripeWebhookSignatures(" ", Clock.systemUTC())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STRIPE_WEBHOOK_SECRET");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_WEBHOOK_SIGNATURE));
    }
}
