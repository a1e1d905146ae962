package uk.co.lomashwood.platform.web.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceConfigNameTest {

    @Test
    void theConfigFileIsNamedAfterTheApplicationClass() {
        assertThat(ServiceConfigName.configNameOf("AuthServiceApplication")).isEqualTo("auth-service");
        assertThat(ServiceConfigName.configNameOf("ApiGatewayApplication")).isEqualTo("api-gateway");
        assertThat(ServiceConfigName.configNameOf("OrderPaymentServiceApplication")).isEqualTo("order-payment-service");
    }
}
