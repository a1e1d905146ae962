package uk.co.lomashwood.tools.checks.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Structure of the dev stack (deploy/docker-compose.yml): every container has an image or build and a
 * health check, images are pinned, ports bind to loopback, credentials come only from interpolated
 * variables, and the nine services are wired as spec 00 §0 says (port, own database, own Redis DB
 * index, built from deploy/Dockerfile with their name). A service whose module does not exist yet
 * must sit behind a profile named after it, so a plain {@code docker compose up} still works.
 */
public final class ComposeLint {

    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|ACCESS_KEY|API_KEY|PRIVATE_KEY).*");
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*(?::?\\?[^}]*)?}");

    private final String file;
    private final List<Finding> findings = new ArrayList<>();

    private ComposeLint(String file) {
        this.file = file;
    }

    public static List<Finding> check(String file, String yaml, ServiceCatalogue catalogue, Set<String> builtModules) {
        ComposeLint lint = new ComposeLint(file);
        lint.run(Yamls.load(yaml), catalogue, builtModules);
        return lint.findings;
    }

    private void run(Map<String, Object> root, ServiceCatalogue catalogue, Set<String> builtModules) {
        Map<String, Object> services = Yamls.map(root.get("services"));
        if (services.isEmpty()) {
            add("services", "no-services", "no services declared");
            return;
        }
        services.forEach((name, value) -> container(name, Yamls.map(value), services.keySet()));
        for (ServiceCatalogue.Entry entry : catalogue.entries()) {
            Map<String, Object> service = Yamls.map(services.get(entry.name()));
            if (service.isEmpty()) {
                add("services." + entry.name(), "all-services", "missing: the stack lists all nine services");
                continue;
            }
            wiring(entry, service);
            List<?> profiles = Yamls.list(service.get("profiles"));
            if (!builtModules.contains(entry.name()) && !profiles.contains(entry.name())) {
                add("services." + entry.name(), "planned-profile",
                        "services/" + entry.name() + " does not exist yet: put the service behind profile '" + entry.name() + "'");
            }
        }
    }

    private void container(String name, Map<String, Object> service, Set<String> declared) {
        String path = "services." + name;
        if (!service.containsKey("image") && !service.containsKey("build")) {
            add(path, "image-or-build", "needs an image or a build");
        }
        Object image = service.get("image");
        if (image != null && !service.containsKey("build")) {
            String ref = image.toString();
            int colon = ref.lastIndexOf(':');
            String tag = colon > ref.lastIndexOf('/') ? ref.substring(colon + 1) : "";
            if (!ref.contains("@sha256:") && (tag.isEmpty() || tag.equals("latest") || !tag.matches(".*\\d.*"))) {
                add(path + ".image", "pinned-image", ref + " must name a version");
            }
        }
        Map<String, Object> healthcheck = Yamls.map(service.get("healthcheck"));
        if (healthcheck.get("test") == null || Boolean.TRUE.equals(healthcheck.get("disable"))) {
            add(path + ".healthcheck", "healthcheck", "every container needs a health check");
        }
        for (Object port : Yamls.list(service.get("ports"))) {
            if (!port.toString().startsWith("127.0.0.1:")) {
                add(path + ".ports", "loopback-ports", port + " must bind to 127.0.0.1 (a dev stack is not a server)");
            }
        }
        environment(service).forEach((key, value) -> {
            if (SECRET_KEY.matcher(key).matches() && (value == null || !REQUIRED_VARIABLE.matcher(value.toString()).matches())) {
                add(path + ".environment." + key, "no-plaintext-secrets",
                        "must be an interpolated variable without a default, e.g. ${" + key + ":?…}");
            }
        });
        Object dependsOn = service.get("depends_on");
        Iterable<?> dependencies = dependsOn instanceof Map<?, ?> m ? m.keySet() : Yamls.list(dependsOn);
        for (Object dependency : dependencies) {
            if (!declared.contains(dependency.toString())) {
                add(path + ".depends_on", "depends-on", dependency + " is not a service of this file");
            }
        }
    }

    private void wiring(ServiceCatalogue.Entry entry, Map<String, Object> service) {
        String path = "services." + entry.name();
        Map<String, Object> build = Yamls.map(service.get("build"));
        Map<String, Object> args = Yamls.map(build.get("args"));
        if (!"deploy/Dockerfile".equals(build.get("dockerfile")) || !entry.name().equals(args.get("SERVICE"))) {
            add(path + ".build", "shared-dockerfile", "build deploy/Dockerfile with SERVICE=" + entry.name());
        }
        Map<String, Object> env = environment(service);
        expect(path, env, "SERVER_PORT", Integer.toString(entry.port()));
        expect(path, env, "REDIS_URL", "redis://redis:6379/" + entry.redisDb());
        if (entry.hasDatabase()) {
            expect(path, env, "DATABASE_URL", "jdbc:postgresql://postgres:5432/" + entry.database());
            if (env.get("DATABASE_USERNAME") == null || env.get("DATABASE_PASSWORD") == null) {
                add(path + ".environment", "database-credentials", "needs DATABASE_USERNAME and DATABASE_PASSWORD");
            }
        } else if (env.containsKey("DATABASE_URL")) {
            add(path + ".environment.DATABASE_URL", "no-database", entry.name() + " owns no database (spec 00 §0)");
        }
        if (env.get("INTERNAL_TOKEN") == null) {
            add(path + ".environment.INTERNAL_TOKEN", "internal-token", "every service needs INTERNAL_TOKEN");
        }
    }

    private void expect(String path, Map<String, Object> env, String key, String value) {
        if (!value.equals(Yamls.string(env.get(key)))) {
            add(path + ".environment." + key, "wiring", "expected " + value + " but was " + env.get(key));
        }
    }

    private static Map<String, Object> environment(Map<String, Object> service) {
        Object env = service.get("environment");
        if (env instanceof List<?> list) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            for (Object item : list) {
                String[] kv = item.toString().split("=", 2);
                out.put(kv[0], kv.length > 1 ? kv[1] : null);
            }
            return out;
        }
        return Yamls.map(env);
    }

    private void add(String path, String rule, String message) {
        findings.add(Finding.in(file, path, rule, message));
    }
}
