package uk.co.lomashwood.platform.web.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Settings every service shares, as lowest-precedence defaults that a service's own
 * {@code <name>.yml} or the environment can still override. Metrics: Prometheus text at
 * {@code /metrics} (spec 00 §6.5, §8.3), reachable inside the VPC only — the gateway never proxies it.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    static final Map<String, Object> DEFAULTS = Map.of(
            "management.endpoints.web.base-path", "/",
            "management.endpoints.web.exposure.include", "prometheus",
            "management.endpoints.web.path-mapping.prometheus", "metrics",
            "management.metrics.distribution.percentiles-histogram.http.server.requests", "true",
            "management.metrics.tags.service", "${spring.application.name:unknown}",
            "spring.mvc.problemdetails.enabled", "false",
            "server.error.whitelabel.enabled", "false",
            // spec 00 §1.4 filters are written filter[colour]=…; Tomcat refuses raw brackets otherwise
            "server.tomcat.relaxed-query-chars", "[,]",
            // the gateway keeps pooled connections to every service: Tomcat's default would close each one after
            // 100 requests and make the gateway connect again (idle connections still close after the timeout)
            "server.tomcat.max-keep-alive-requests", "-1");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("lomash-platform-defaults", DEFAULTS));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
