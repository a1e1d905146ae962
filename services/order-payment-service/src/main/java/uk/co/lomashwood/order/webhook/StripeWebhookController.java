package uk.co.lomashwood.order.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import uk.co.lomashwood.order.stripe.StripeEvent;
import uk.co.lomashwood.order.stripe.WebhookVerifier;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.web.response.ApiResponse;

/**
 * {@code POST /v1/webhooks/stripe} (spec 20 §2.4.6): the raw body bytes are verified against
 * {@code Stripe-Signature} before anything is read (400 {@code INVALID_WEBHOOK_SIGNATURE} / {@code VALIDATION_ERROR}),
 * then processed; 200 whenever the event is stored, 500 only when it could not be.
 */
@RestController
public class StripeWebhookController {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

    private final WebhookVerifier verifier;
    private final WebhookProcessing processing;

    public StripeWebhookController(WebhookVerifier verifier, WebhookProcessing processing) {
        this.verifier = verifier;
        this.processing = processing;
    }

    @PostMapping(path = "/v1/webhooks/stripe", consumes = "*/*")
    public ApiResponse<Map<String, Object>> receive(@RequestBody(required = false) byte[] body,
                                                    @RequestHeader(name = "Stripe-Signature", required = false)
                                                    String signature) {
        StripeEvent event;
        try {
            event = verifier.verify(body == null ? new byte[0] : body, signature);
        } catch (ApiException e) {
            if (e.code() == ErrorCode.INVALID_WEBHOOK_SIGNATURE) {
                log.warn("SECURITY webhook with a {} Stripe-Signature refused ({} bytes)",
                        signature == null ? "missing" : "bad or stale", body == null ? 0 : body.length);
            }
            throw e;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("received", true);
        switch (processing.receive(event)) {
            case DUPLICATE -> data.put("duplicate", true);
            case IGNORED -> data.put("ignored", true);
            default -> { }
        }
        return ApiResponse.of(data);
    }
}
