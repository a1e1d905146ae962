package uk.co.lomashwood.platform.web.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The log line of spec 00 §8.2: {@code time, level, service, version, env, msg, requestId,
 * traceId, spanId, userId} plus {@code logger} and {@code err}. Enabled with
 * {@code logging.structured.format.console=uk.co.lomashwood.platform.web.logging.JsonLogFormatter}.
 */
public class JsonLogFormatter implements StructuredLogFormatter<ILoggingEvent> {

    private final JsonWriter<ILoggingEvent> writer;

    public JsonLogFormatter(Environment environment) {
        String service = environment.getProperty("spring.application.name", "unknown");
        String version = environment.getProperty("lomash.version", "dev");
        String env = environment.getProperty("lomash.environment", "local");
        ThrowableProxyConverter stackConverter = new ThrowableProxyConverter();
        stackConverter.start();
        this.writer = JsonWriter.<ILoggingEvent>of(members -> {
            members.add("time", e -> Instant.ofEpochMilli(e.getTimeStamp()).toString());
            members.add("level", e -> e.getLevel().toString().toLowerCase(Locale.ROOT));
            members.add("service", service);
            members.add("version", version);
            members.add("env", env);
            members.add("logger", ILoggingEvent::getLoggerName);
            members.add("msg", ILoggingEvent::getFormattedMessage);
            members.add("requestId", e -> mdc(e, "requestId"));
            members.add("traceId", e -> mdc(e, "traceId"));
            members.add("spanId", e -> mdc(e, "spanId"));
            members.add("userId", e -> mdc(e, "userId"));
            members.addMapEntries(JsonLogFormatter::keyValues);
            members.add("err", e -> e).whenNotNull(ILoggingEvent::getThrowableProxy).as(e -> error(e, stackConverter));
        }).withNewLineAtEnd();
    }

    @Override
    public String format(ILoggingEvent event) {
        return writer.writeToString(event);
    }

    /** SLF4J key-value pairs ({@code log.atInfo().addKeyValue(...)}) as top-level members, e.g. the access-line fields. */
    private static Map<String, Object> keyValues(ILoggingEvent event) {
        var pairs = event.getKeyValuePairs();
        if (pairs == null || pairs.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        pairs.forEach(pair -> fields.put(pair.key, pair.value));
        return fields;
    }

    private static String mdc(ILoggingEvent event, String key) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        return mdc == null ? null : mdc.get(key);
    }

    private static Map<String, String> error(ILoggingEvent event, ThrowableProxyConverter stack) {
        IThrowableProxy proxy = event.getThrowableProxy();
        return Map.of("type", proxy.getClassName(), "message", String.valueOf(proxy.getMessage()),
                "stack", stack.convert(event));
    }
}
