package uk.co.lomashwood.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import uk.co.lomashwood.gateway.edge.EdgeServer;
import uk.co.lomashwood.gateway.pipeline.RequestPipeline;
import uk.co.lomashwood.gateway.routing.RouteTable;
import uk.co.lomashwood.gateway.support.GatewayTest;
import uk.co.lomashwood.platform.web.request.AccessLogFilter;

/** The beans whose silent absence would break the edge (DESIGN §2: a context test per service). */
class GatewayContextTest extends GatewayTest {

    @Autowired
    ApplicationContext context;

    @Test
    void keyBeansArePresentAndWired() {
        assertThat(context.getBean(RouteTable.class).upstreams()).hasSize(8);
        assertThat(context.getBeansOfType(RequestPipeline.class)).hasSize(1);
        assertThat(context.getBean(EdgeServer.class).isRunning()).isTrue();
        assertThat(context.getBeanNamesForType(javax.sql.DataSource.class)).isEmpty();
        RedisConnectionFactory redis = context.getBean(RedisConnectionFactory.class);
        assertThat(((LettuceConnectionFactory) redis).getDatabase()).isEqualTo(8);
        @SuppressWarnings("rawtypes")
        Map<String, FilterRegistrationBean> registrations = context.getBeansOfType(FilterRegistrationBean.class);
        assertThat(registrations.values()).filteredOn(r -> r.getFilter() instanceof AccessLogFilter)
                .allMatch(r -> !r.isEnabled());
    }
}
