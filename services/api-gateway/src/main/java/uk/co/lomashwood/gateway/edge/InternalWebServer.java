package uk.co.lomashwood.gateway.edge;

import java.net.InetAddress;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The gateway's Spring MVC web server (health, API docs, Swagger UI) listens on the loopback interface only, on
 * {@code lomash.gateway.internal-port} (0 = any free port): {@code server.port} belongs to the edge. Runs after Spring
 * Boot's own customizer so that it wins over {@code server.port}.
 */
@Component
public class InternalWebServer implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

    private final int port;

    public InternalWebServer(@Value("${lomash.gateway.internal-port:0}") int port) {
        this.port = port;
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        factory.setPort(port);
        factory.setAddress(InetAddress.getLoopbackAddress());
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
