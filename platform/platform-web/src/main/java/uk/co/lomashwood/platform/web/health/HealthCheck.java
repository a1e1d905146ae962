package uk.co.lomashwood.platform.web.health;

/** One dependency probed by {@code /health} and {@code /health/ready}. */
public interface HealthCheck {

    /** Key in the {@code checks} object, e.g. {@code database}. */
    String name();

    /** Throws when the dependency is not usable; the message must hold no secrets or hostnames. */
    void probe() throws Exception;
}
