package uk.co.lomashwood.notification.channel;

import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.ChannelSender;
import uk.co.lomashwood.notification.message.OutboundMessage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * The local stand-in for SMS and push providers: keeps the last messages in memory so that they can be read
 * through the admin API ({@code GET /v1/admin/notifications/sink}). Never used in AWS.
 */
public class RecordingSink implements ChannelSender {

    public record Recorded(UUID notificationId, Channel channel, List<String> to, String title, String body,
                           Instant at) {
    }

    private static final int KEEP = 500;

    private final Channel channel;
    private final Clock clock;
    private final Deque<Recorded> recorded = new ArrayDeque<>();

    public RecordingSink(Channel channel, Clock clock) {
        this.channel = channel;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public String provider() {
        return "sink";
    }

    @Override
    public synchronized String send(OutboundMessage message) {
        recorded.addFirst(new Recorded(message.notificationId(), channel, message.to(), message.subject(),
                message.text(), clock.instant()));
        while (recorded.size() > KEEP) {
            recorded.removeLast();
        }
        return "sink-" + message.notificationId();
    }

    public synchronized List<Recorded> recorded() {
        return List.copyOf(recorded);
    }
}
