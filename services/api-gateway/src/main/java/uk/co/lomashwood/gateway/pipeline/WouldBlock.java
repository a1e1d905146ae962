package uk.co.lomashwood.gateway.pipeline;

/**
 * Thrown on an event loop by a pipeline step that would have to wait for I/O (a Redis round trip, a session check):
 * the edge then runs the request's pipeline again on a virtual thread. Steps throw it before any side effect.
 */
public final class WouldBlock extends RuntimeException {

    public static final WouldBlock INSTANCE = new WouldBlock();

    private WouldBlock() {
        super("this step waits for I/O", null, false, false);
    }
}
