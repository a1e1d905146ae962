package uk.co.lomashwood.gateway.routing;

import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * The attempt deadlines of the proxy calls one event loop drives, watched by one timer set for the earliest of them.
 * Answers come back in milliseconds and deadlines are seconds away, so the timer seldom fires; a timer task scheduled
 * and cancelled for every attempt would cost a task object and two priority-queue updates per request. Calls are kept
 * in a list threaded through the calls themselves. Used only on its event loop's thread.
 */
final class AttemptTimeouts {

    /** A call whose attempt can time out. */
    abstract static class Watched {

        private long deadline;
        private Watched previous;
        private Watched next;
        private boolean watched;

        /** The attempt's deadline passed before it was unwatched. */
        abstract void attemptTimedOut();
    }

    private static final FastThreadLocal<AttemptTimeouts> PER_LOOP = new FastThreadLocal<>();

    private final EventLoop loop;
    private Watched head;
    private ScheduledFuture<?> timer;
    private long timerAt;

    private AttemptTimeouts(EventLoop loop) {
        this.loop = loop;
    }

    /** The watch of {@code loop}; call on the loop's own thread. */
    static AttemptTimeouts of(EventLoop loop) {
        AttemptTimeouts timeouts = PER_LOOP.get();
        if (timeouts == null || timeouts.loop != loop) {
            timeouts = new AttemptTimeouts(loop);
            PER_LOOP.set(timeouts);
        }
        return timeouts;
    }

    /** Watches {@code call} until {@link #unwatch}; it is told when {@code nanos} pass first. */
    void watch(Watched call, long nanos) {
        unwatch(call);
        call.deadline = now() + nanos;
        call.watched = true;
        call.previous = null;
        call.next = head;
        if (head != null) {
            head.previous = call;
        }
        head = call;
        if (timer == null || call.deadline - timerAt < 0) {
            arm(call.deadline);
        }
    }

    void unwatch(Watched call) {
        if (!call.watched) {
            return;
        }
        call.watched = false;
        if (call.previous != null) {
            call.previous.next = call.next;
        } else {
            head = call.next;
        }
        if (call.next != null) {
            call.next.previous = call.previous;
        }
        call.previous = null;
        call.next = null;
    }

    private void arm(long at) {
        if (timer != null) {
            timer.cancel(false);
        }
        timerAt = at;
        timer = loop.schedule(this::expire, Math.max(0, at - now()), TimeUnit.NANOSECONDS);
    }

    private long now() {
        return loop.ticker().nanoTime();
    }

    private void expire() {
        timer = null;
        long now = now();
        Watched expired = null;
        Watched call = head;
        while (call != null) {
            Watched following = call.next;
            if (call.deadline - now <= 0) {
                unwatch(call);
                call.next = expired; // collected first: a timed-out call may start its next attempt at once
                expired = call;
            }
            call = following;
        }
        while (expired != null) {
            Watched following = expired.next;
            expired.next = null;
            expired.attemptTimedOut();
            expired = following;
        }
        Watched earliest = null;
        for (Watched c = head; c != null; c = c.next) {
            if (earliest == null || c.deadline - earliest.deadline < 0) {
                earliest = c;
            }
        }
        if (earliest != null && (timer == null || earliest.deadline - timerAt < 0)) {
            arm(earliest.deadline);
        }
    }
}
