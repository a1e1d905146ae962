package uk.co.lomashwood.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.netty.channel.embedded.EmbeddedChannel;

/** Attempt deadlines of one event loop under one timer: each call hears of its own deadline, once, on time. */
class AttemptTimeoutsTest {

    private final EmbeddedChannel channel = frozen(new EmbeddedChannel());
    private final AttemptTimeouts timeouts = AttemptTimeouts.of(channel.eventLoop());
    private final List<String> timedOut = new ArrayList<>();

    private final class Call extends AttemptTimeouts.Watched {
        private final String name;
        private long retryAfterTimeoutMillis = -1;

        Call(String name) {
            this.name = name;
        }

        @Override
        void attemptTimedOut() {
            timedOut.add(name);
            if (retryAfterTimeoutMillis >= 0) {
                timeouts.watch(this, TimeUnit.MILLISECONDS.toNanos(retryAfterTimeoutMillis));
                retryAfterTimeoutMillis = -1;
            }
        }
    }

    @Test
    void eachCallTimesOutAtItsOwnDeadlineAndAnAnsweredOneNever() {
        Call slow = new Call("slow");
        Call answered = new Call("answered");
        Call quick = new Call("quick");
        timeouts.watch(slow, seconds(5));
        timeouts.watch(answered, seconds(2));
        timeouts.watch(quick, seconds(1));
        after(999);
        assertThat(timedOut).isEmpty();
        after(1);
        assertThat(timedOut).containsExactly("quick");
        timeouts.unwatch(answered);
        after(3_999);
        assertThat(timedOut).containsExactly("quick");
        after(1);
        assertThat(timedOut).containsExactly("quick", "slow");
        after(60_000);
        assertThat(timedOut).containsExactly("quick", "slow");
    }

    @Test
    void aCallWatchedAgainForItsNextAttemptGetsTheNewDeadline() {
        Call call = new Call("call");
        call.retryAfterTimeoutMillis = 500;
        timeouts.watch(call, seconds(1));
        after(1_000);
        assertThat(timedOut).containsExactly("call");
        after(499);
        assertThat(timedOut).containsExactly("call");
        after(1);
        assertThat(timedOut).containsExactly("call", "call");
    }

    @Test
    void aLaterCallWithAnEarlierDeadlineIsNotKeptWaitingForTheTimerOfAnEarlierOne() {
        timeouts.watch(new Call("five"), seconds(5));
        timeouts.watch(new Call("one"), seconds(1));
        after(1_000);
        assertThat(timedOut).containsExactly("one");
    }

    /** The loop's clock moves only when the test moves it. */
    private static EmbeddedChannel frozen(EmbeddedChannel channel) {
        channel.freezeTime();
        return channel;
    }

    private static long seconds(int n) {
        return TimeUnit.SECONDS.toNanos(n);
    }

    private void after(long millis) {
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
    }
}
