package uk.co.lomashwood.notification.channel;

import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.Notification;
import uk.co.lomashwood.notification.directory.DeviceTokens;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.ChannelSender;
import uk.co.lomashwood.notification.message.OutboundMessage;
import uk.co.lomashwood.notification.message.ProviderException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Push through the Firebase Admin SDK (FCM HTTP v1, one {@code messages:send} per device). A send counts as
 * delivered when at least one device accepted it; unregistered or invalid tokens are deactivated.
 */
public class FirebasePushSender implements ChannelSender {

    private static final Set<MessagingErrorCode> RETRYABLE = Set.of(MessagingErrorCode.UNAVAILABLE,
            MessagingErrorCode.INTERNAL, MessagingErrorCode.QUOTA_EXCEEDED);
    private static final Set<MessagingErrorCode> BAD_TOKEN = Set.of(MessagingErrorCode.UNREGISTERED,
            MessagingErrorCode.INVALID_ARGUMENT, MessagingErrorCode.SENDER_ID_MISMATCH);

    private final FirebaseMessaging messaging;
    private final DeviceTokens devices;

    public FirebasePushSender(FirebaseMessaging messaging, DeviceTokens devices) {
        this.messaging = messaging;
        this.devices = devices;
    }

    @Override
    public Channel channel() {
        return Channel.PUSH;
    }

    @Override
    public String provider() {
        return "firebase-fcm";
    }

    @Override
    public String send(OutboundMessage message) {
        List<String> accepted = new ArrayList<>();
        ProviderException last = null;
        for (String token : message.to()) {
            try {
                accepted.add(messaging.send(build(message, token)));
            } catch (FirebaseMessagingException e) {
                MessagingErrorCode code = e.getMessagingErrorCode();
                if (code != null && BAD_TOKEN.contains(code)) {
                    devices.deactivateToken(token);
                }
                boolean retryable = code == null ? isServerError(e) : RETRYABLE.contains(code);
                last = new ProviderException(retryable, code == null ? String.valueOf(e.getErrorCode()) : code.name(),
                        e.getMessage(), e);
            }
        }
        if (!accepted.isEmpty()) {
            return accepted.getFirst();
        }
        throw last != null ? last : ProviderException.permanent("NO_ACTIVE_DEVICE", "No device token", null);
    }

    private static boolean isServerError(FirebaseMessagingException e) {
        return e.getHttpResponse() == null || e.getHttpResponse().getStatusCode() >= 500;
    }

    private static Message build(OutboundMessage message, String token) {
        String apnsPriority = message.priority().urgent() ? "10" : "5";
        return Message.builder()
                .setToken(token)
                .setNotification(Notification.builder().setTitle(message.subject()).setBody(message.text()).build())
                .putAllData(message.data())
                .setAndroidConfig(AndroidConfig.builder().setTtl(86_400_000L)
                        .setPriority(message.priority().urgent() ? AndroidConfig.Priority.HIGH
                                : AndroidConfig.Priority.NORMAL).build())
                .setApnsConfig(ApnsConfig.builder().putHeader("apns-priority", apnsPriority)
                        .setAps(Aps.builder().setSound("default").build()).build())
                .build();
    }

}
