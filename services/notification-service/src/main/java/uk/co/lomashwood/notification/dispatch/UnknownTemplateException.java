package uk.co.lomashwood.notification.dispatch;

import uk.co.lomashwood.notification.message.Channel;

/** No ACTIVE template with that slug for that channel. */
public class UnknownTemplateException extends RuntimeException {

    public UnknownTemplateException(String slug, Channel channel) {
        super("No active " + channel + " template " + slug);
    }
}
