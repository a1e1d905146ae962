package uk.co.lomashwood.gateway.pipeline;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** {@code MAINTENANCE_MODE} (spec 10 §1.1 step 2): everything but health and webhooks answers 503, Retry-After 300. */
@Component
public class MaintenanceMode {

    private final AtomicBoolean on;

    public MaintenanceMode(@Value("${lomash.gateway.maintenance-mode:false}") boolean on) {
        this.on = new AtomicBoolean(on);
    }

    public boolean isOn() {
        return on.get();
    }

    public void set(boolean value) {
        on.set(value);
    }
}
