package uk.co.lomashwood.gateway.routing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.gateway.edge.EdgeConnection;
import uk.co.lomashwood.gateway.edge.EdgeRequest;
import uk.co.lomashwood.gateway.edge.EdgeResponse;
import uk.co.lomashwood.gateway.edge.UpstreamConnections;
import uk.co.lomashwood.gateway.headers.ClientAddress;
import uk.co.lomashwood.gateway.pipeline.Exchange;
import uk.co.lomashwood.gateway.resilience.ResilienceProperties;
import uk.co.lomashwood.gateway.resilience.UpstreamBreakers;

/**
 * Forwards one request to its upstream and streams the answer back (spec 10 §1.10–1.12), asynchronously on the
 * client connection's event loop over pooled keep-alive connections: per-attempt timeout (5 s / 10 s) inside the
 * overall deadline (504 when it runs out), retries for GET/HEAD only on connection errors and 502/503/504 with
 * 100 → 200 → 400 ms jittered back-off, a circuit breaker per upstream (503 with Retry-After while open), connection
 * refused → 503 within the connect timeout, and 5xx bodies that are not platform problem details replaced by 502
 * UPSTREAM_ERROR. Each exchange is a {@link ProxyCall}.
 */
@Component
public class UpstreamProxy {

    final UpstreamConnections connections;
    final UpstreamBreakers breakers;
    final DeadlinePolicy deadlines;
    final ResilienceProperties resilience;
    final ClientAddress clientAddress;
    final ObjectMapper json;
    final String internalToken;

    public UpstreamProxy(UpstreamConnections connections, UpstreamBreakers breakers, DeadlinePolicy deadlines,
            ResilienceProperties resilience, ClientAddress clientAddress, ObjectMapper json,
            @Value("${lomash.security.internal-token}") String internalToken) {
        this.connections = connections;
        this.breakers = breakers;
        this.deadlines = deadlines;
        this.resilience = resilience;
        this.clientAddress = clientAddress;
        this.json = json;
        this.internalToken = internalToken;
    }

    /** On the client connection's event loop: starts the exchange's first attempt. */
    public void forward(Exchange ex, EdgeRequest request, EdgeResponse response, EdgeConnection client) {
        new ProxyCall(this, ex, request, response, client).start();
    }
}
