package uk.co.lomashwood.gateway.routing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import uk.co.lomashwood.platform.core.security.Role;

/**
 * The route access table (spec 10 §1.4), read from a data file rather than spread through code. Each line is
 * {@code METHODS /pattern ACCESS [# source]}; for a request the most specific matching row wins
 * ({@link RequestMatcher#MOST_SPECIFIC_FIRST}), so a catch-all row is the default for its prefix.
 */
@Component
public class AccessTable {

    private final List<AccessRule> rules;
    /** All rules, most specific first: the first that matches is the one that wins. */
    private final List<AccessRule> ranked;
    /**
     * Per first two path segments ("/v1/products"), the ranked rules that can match a path starting with them: the
     * rules whose first two segments are exactly those, and the rules whose pattern is not literal that far.
     */
    private final Map<String, List<AccessRule>> rankedByStem;
    private final List<AccessRule> rankedWithoutStem;

    public AccessTable(@Value("${lomash.gateway.access-table:classpath:gateway/access-table.txt}") Resource resource) {
        this.rules = load(resource);
        this.ranked = rules.stream().sorted(Comparator.comparing(AccessRule::matcher, RequestMatcher.MOST_SPECIFIC_FIRST))
                .toList();
        this.rankedWithoutStem = ranked.stream().filter(r -> r.matcher().literalStem() == null).toList();
        Map<String, List<AccessRule>> byStem = new HashMap<>();
        for (AccessRule rule : ranked) {
            String stem = rule.matcher().literalStem();
            if (stem != null) {
                byStem.computeIfAbsent(stem, s -> ranked.stream()
                        .filter(r -> r.matcher().literalStem() == null || r.matcher().literalStem().equals(s))
                        .toList());
            }
        }
        this.rankedByStem = Map.copyOf(byStem);
    }

    public Optional<AccessRule> resolve(String method, String path, Predicate<String> hasParam) {
        for (AccessRule rule : candidates(path)) {
            if (rule.matcher().matches(method, path, hasParam)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    public Optional<AccessRule> resolve(String method, String path) {
        return resolve(method, path, p -> false);
    }

    /** The ranked rules that can match {@code path}. */
    private List<AccessRule> candidates(String path) {
        if (path.indexOf('%') >= 0) {
            return ranked; // patterns match decoded segments: a path with escapes is compared with every rule
        }
        String stem = RequestMatcher.stemOf(path);
        return stem == null ? rankedWithoutStem : rankedByStem.getOrDefault(stem, rankedWithoutStem);
    }

    public List<AccessRule> rules() {
        return List.copyOf(rules);
    }

    static List<AccessRule> load(Resource resource) {
        List<AccessRule> rules = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String source = "";
                int hash = line.indexOf('#');
                if (hash >= 0) {
                    source = line.substring(hash + 1).trim();
                    line = line.substring(0, hash);
                }
                if (line.isBlank()) {
                    continue;
                }
                rules.add(parse(line.trim(), source, number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the access table " + resource, e);
        }
        return List.copyOf(rules);
    }

    static AccessRule parse(String line, String source, int number) {
        String[] parts = line.split("\\s+");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Access table line " + number + " needs METHODS PATTERN ACCESS: " + line);
        }
        RequestMatcher matcher = RequestMatcher.parse(parts[0] + " " + parts[1]);
        String access = parts[2];
        if (access.startsWith("ROLE(") && access.endsWith(")")) {
            Set<Role> roles = Arrays.stream(access.substring(5, access.length() - 1).split(","))
                    .map(r -> Role.parse(r).orElseThrow(
                            () -> new IllegalArgumentException("Unknown role " + r + " on line " + number)))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
            return new AccessRule(matcher, AccessClass.ROLE, Set.copyOf(roles), source);
        }
        return new AccessRule(matcher, AccessClass.valueOf(access), Set.of(), source);
    }
}
