package uk.co.lomashwood.notification.channel;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.ChannelSender;
import uk.co.lomashwood.notification.message.OutboundMessage;
import uk.co.lomashwood.notification.message.ProviderException;

/**
 * SMS through the Twilio SDK ({@code POST /2010-04-01/Accounts/{sid}/Messages.json}). Sends from the messaging
 * service when one is configured, else from the UK sender number. 429 and 5xx are retryable, other 4xx
 * (invalid number 21211, 21614, opted out 21610 …) permanent.
 */
public class TwilioSmsSender implements ChannelSender {

    private final TwilioRestClient client;
    private final String accountSid;
    private final String from;
    private final String messagingServiceSid;
    private final java.net.URI statusCallback;

    /** @param statusCallback where Twilio reports delivery ({@code /v1/webhooks/twilio}); null for none */
    public TwilioSmsSender(TwilioRestClient client, String accountSid, String from, String messagingServiceSid,
                           java.net.URI statusCallback) {
        this.client = client;
        this.accountSid = accountSid;
        this.from = from;
        this.messagingServiceSid = messagingServiceSid;
        this.statusCallback = statusCallback;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public String provider() {
        return "twilio-sms";
    }

    @Override
    public String send(OutboundMessage message) {
        PhoneNumber to = new PhoneNumber(message.to().getFirst());
        MessageCreator creator = messagingServiceSid == null || messagingServiceSid.isBlank()
                ? Message.creator(accountSid, to, new PhoneNumber(from), message.text())
                : Message.creator(accountSid, to, messagingServiceSid, message.text());
        if (statusCallback != null) {
            creator.setStatusCallback(statusCallback);
        }
        try {
            return creator.create(client).getSid();
        } catch (ApiConnectionException e) {
            throw ProviderException.retryable("CONNECTION", e.getMessage(), e);
        } catch (ApiException e) {
            int status = e.getStatusCode() == null ? 500 : e.getStatusCode();
            String code = e.getCode() == null ? "HTTP_" + status : e.getCode().toString();
            boolean retryable = status == 429 || status >= 500;
            throw new ProviderException(retryable, code, e.getMessage(), e);
        } catch (TwilioException e) {
            throw ProviderException.retryable("TWILIO", e.getMessage(), e);
        }
    }
}
