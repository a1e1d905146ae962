package uk.co.lomashwood.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Fixed documented ports, or free loopback ports when the options ask for random ones. */
final class PortAllocator {

    private final boolean random;

    PortAllocator(boolean random) {
        this.random = random;
    }

    int portFor(int documented) {
        return random || documented == 0 ? free() : documented;
    }

    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
