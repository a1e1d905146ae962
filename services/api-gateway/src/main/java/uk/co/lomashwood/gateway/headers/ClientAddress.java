package uk.co.lomashwood.gateway.headers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.co.lomashwood.gateway.edge.EdgeRequest;

/**
 * Client address (spec 10 §1.6): the first untrusted address counted from the right of {@code X-Forwarded-For}, with
 * {@code trusted-proxy-hops} trusted hops in front of the gateway (1 = the ALB in AWS, 0 locally where nothing sits in
 * front and a client-sent header must not let it choose its rate-limit subject).
 */
@Component
public class ClientAddress {

    private final int trustedHops;

    public ClientAddress(@Value("${lomash.gateway.trusted-proxy-hops:0}") int trustedHops) {
        this.trustedHops = trustedHops;
    }

    public String clientIp(EdgeRequest request) {
        if (!forwardedByTrustedHop(request)) {
            return request.remoteAddress();
        }
        List<String> chain = chain(request);
        // chain = [...X-Forwarded-For entries, remote address]; skip the trusted hops from the right
        int index = chain.size() - 1 - Math.min(trustedHops, chain.size() - 1);
        return chain.get(index);
    }

    /** The address chain to forward upstream: inbound X-Forwarded-For (only when a trusted hop set it) plus the peer. */
    public String forwardedFor(EdgeRequest request) {
        return forwardedByTrustedHop(request) ? String.join(", ", chain(request)) : request.remoteAddress();
    }

    private boolean forwardedByTrustedHop(EdgeRequest request) {
        if (trustedHops == 0) {
            return false;
        }
        String header = request.header("X-Forwarded-For");
        return header != null && !header.isBlank();
    }

    private List<String> chain(EdgeRequest request) {
        List<String> chain = new ArrayList<>();
        String header = request.header("X-Forwarded-For");
        if (trustedHops > 0 && header != null && !header.isBlank()) {
            Arrays.stream(header.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(chain::add);
        }
        chain.add(request.remoteAddress());
        return chain;
    }

    public String forwardedProto(EdgeRequest request) {
        String header = request.header("X-Forwarded-Proto");
        if (trustedHops > 0 && header != null && !header.isBlank()) {
            return header.split(",")[0].trim();
        }
        return "http"; // TLS ends at the load balancer in front
    }
}
