package uk.co.lomashwood.platform.web.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLogFormatterTest {

    private final JsonLogFormatter formatter = new JsonLogFormatter(new MockEnvironment()
            .withProperty("spring.application.name", "auth-service").withProperty("lomash.version", "abc123"));

    @Test
    void aLineCarriesTheSpecFieldsAndTheKeyValuePairsAtTopLevel() {
        LoggingEvent event = new LoggingEvent("x", new LoggerContext().getLogger("access"), Level.INFO, "GET /v1/auth/me 200", null, null);
        event.setMDCPropertyMap(Map.of("requestId", "req-12345678", "userId", "u-1"));
        event.setKeyValuePairs(List.of(new KeyValuePair("statusCode", 200), new KeyValuePair("durationMs", 12)));

        JsonNode line = JsonMapper.builder().build().readTree(formatter.format(event));

        assertThat(line.path("level").asString()).isEqualTo("info");
        assertThat(line.path("service").asString()).isEqualTo("auth-service");
        assertThat(line.path("version").asString()).isEqualTo("abc123");
        assertThat(line.path("msg").asString()).isEqualTo("GET /v1/auth/me 200");
        assertThat(line.path("requestId").asString()).isEqualTo("req-12345678");
        assertThat(line.path("userId").asString()).isEqualTo("u-1");
        assertThat(line.path("statusCode").asInt()).isEqualTo(200);
        assertThat(line.path("durationMs").asInt()).isEqualTo(12);
        assertThat(line.has("err")).isFalse();
    }

    @Test
    void aFailureCarriesItsTypeAndStackInErr() {
        LoggingEvent event = new LoggingEvent("x", new LoggerContext().getLogger("svc"), Level.ERROR, "boom",
                new IllegalStateException("bad state"), null);
        event.setMDCPropertyMap(Map.of());

        JsonNode line = JsonMapper.builder().build().readTree(formatter.format(event));

        assertThat(line.path("err").path("type").asString()).isEqualTo("java.lang.IllegalStateException");
        assertThat(line.path("err").path("stack").asString()).contains("JsonLogFormatterTest");
    }
}
