package uk.co.lomashwood.notification.webhook;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Provider delivery callbacks (public, signed; the gateway keeps the raw body): 200 with an empty body once the
 * signature holds (duplicates included), 400 {@code INVALID_WEBHOOK_SIGNATURE} otherwise.
 */
@RestController
public class WebhookController {

    private final TwilioCallbacks twilio;
    private final SesCallbacks ses;

    public WebhookController(TwilioCallbacks twilio, SesCallbacks ses) {
        this.twilio = twilio;
        this.ses = ses;
    }

    @PostMapping(path = TwilioCallbacks.PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<Void> twilio(@RequestParam MultiValueMap<String, String> form,
                                       @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        Map<String, String> single = new java.util.HashMap<>();
        form.forEach((key, values) -> single.put(key, values.isEmpty() ? "" : values.getFirst()));
        twilio.receive(single, signature);
        return ResponseEntity.ok().build();
    }

    /** SNS posts JSON as {@code text/plain}. */
    @PostMapping(path = "/v1/webhooks/ses", consumes = {MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_JSON_VALUE})
    public ResponseEntity<Void> ses(@RequestBody String body) {
        ses.receive(body);
        return ResponseEntity.ok().build();
    }
}
