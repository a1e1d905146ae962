package uk.co.lomashwood.launcher;

/**
 * One service as the launcher runs it: its port, its own database (null for the gateway), its
 * Redis DB index (spec 00 §0) and the Spring Boot application class.
 */
public record ServiceDefinition(String name, String envPrefix, int defaultPort, String database, int redisDb,
                                Class<?> application) {

    public boolean hasDatabase() {
        return database != null;
    }
}
