package uk.co.lomashwood.notification.gate;

import uk.co.lomashwood.notification.message.StatusReason;

import java.time.Instant;

/** Outcome of gatekeeping: go now, defer to {@code until}, or suppress with a reason. */
public record GateDecision(Kind kind, StatusReason reason, Instant until) {

    public enum Kind { PROCEED, SCHEDULE, SUPPRESS }

    public static final GateDecision PROCEED = new GateDecision(Kind.PROCEED, null, null);

    public static GateDecision suppress(StatusReason reason) {
        return new GateDecision(Kind.SUPPRESS, reason, null);
    }

    public static GateDecision schedule(StatusReason reason, Instant until) {
        return new GateDecision(Kind.SCHEDULE, reason, until);
    }
}
