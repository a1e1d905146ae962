package uk.co.lomashwood.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.buffer.Unpooled;

/** Keep-alive connections nobody uses are closed after the edge's idle timeout, on the event loop's clock. */
class EdgeIdleTimeoutTest {

    private static final Duration IDLE = Duration.ofSeconds(60);

    private final EmbeddedChannel channel = frozen(EmbeddedChannel.builder()
            .handlers(new EdgeConnection(new EdgeConnection.Services(null, null, null, null, null, IDLE))).build());

    @Test
    void aConnectionThatSendsNothingIsClosedAfterTheIdleTimeoutAndNotBefore() {
        after(59);
        assertThat(channel.isOpen()).isTrue();
        after(1);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void bytesFromTheClientStartTheIdleTimeoutAgain() {
        after(40);
        channel.writeInbound(new DefaultHttpContent(Unpooled.EMPTY_BUFFER));
        after(40);
        assertThat(channel.isOpen()).isTrue();
        after(20);
        assertThat(channel.isOpen()).isFalse();
    }

    /** The loop's clock moves only when the test moves it. */
    private static EmbeddedChannel frozen(EmbeddedChannel channel) {
        channel.freezeTime();
        return channel;
    }

    private void after(long seconds) {
        channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
    }
}
