package uk.co.lomashwood.tools.checks.lint;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub Actions checks that back up actionlint and add this project's rules: known triggers,
 * top-level permissions, every job runs somewhere, {@code needs} point at existing jobs without
 * cycles, balanced {@code ${{ }}} over known contexts, third-party actions pinned to a version or
 * commit, AWS reached through OIDC only (no stored keys), and no secrets, inputs or event payloads
 * expanded straight into shell scripts.
 */
public final class WorkflowLint {

    private static final Set<String> EVENTS = Set.of("pull_request", "push", "workflow_dispatch", "workflow_call",
            "schedule", "release", "merge_group", "workflow_run");
    private static final Set<String> CONTEXTS = Set.of("github", "env", "vars", "secrets", "inputs", "needs", "matrix",
            "strategy", "steps", "runner", "job", "jobs");
    private static final Set<String> FUNCTIONS = Set.of("contains", "startsWith", "endsWith", "format", "join", "toJSON",
            "fromJSON", "hashFiles", "success", "always", "cancelled", "failure", "true", "false", "null");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}");
    private static final Pattern ROOT_IDENTIFIER = Pattern.compile("(?<![.\\w'-])([A-Za-z_][A-Za-z0-9_-]*)");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'");
    private static final Pattern PINNED_REF = Pattern.compile("v\\d+(\\.\\d+){0,2}|\\d+\\.\\d+\\.\\d+|[0-9a-f]{40}");
    private static final Pattern UNSAFE_IN_RUN = Pattern.compile("\\$\\{\\{\\s*(secrets\\.|inputs\\.|github\\.event\\.|github\\.head_ref)");

    private final String file;
    private final List<Finding> findings = new ArrayList<>();

    private WorkflowLint(String file) {
        this.file = file;
    }

    public static List<Finding> check(String file, String yaml) {
        WorkflowLint lint = new WorkflowLint(file);
        lint.expressions(yaml);
        lint.structure(Yamls.load(yaml));
        return lint.findings;
    }

    private void structure(Map<String, Object> root) {
        Object on = root.get("on");
        Set<String> events = on instanceof String s ? Set.of(s) : on instanceof List<?> l
                ? new HashSet<>(l.stream().map(String::valueOf).toList()) : Yamls.map(on).keySet();
        if (events.isEmpty()) {
            add("on", "triggers", "no trigger");
        }
        events.stream().filter(e -> !EVENTS.contains(e)).forEach(e -> add("on." + e, "triggers", "unknown or unsafe trigger " + e));
        if (!root.containsKey("permissions")) {
            add("permissions", "permissions", "declare top-level permissions (least privilege)");
        }
        Map<String, Object> jobs = Yamls.map(root.get("jobs"));
        if (jobs.isEmpty()) {
            add("jobs", "jobs", "no jobs");
        }
        boolean usesAws = false;
        for (var job : jobs.entrySet()) {
            Map<String, Object> body = Yamls.map(job.getValue());
            String path = "jobs." + job.getKey();
            if (!body.containsKey("runs-on") && !body.containsKey("uses")) {
                add(path, "runs-on", "a job needs runs-on (or uses for a reusable workflow)");
            }
            for (Object need : needs(body)) {
                if (!jobs.containsKey(need.toString())) {
                    add(path + ".needs", "needs", need + " is not a job of this workflow");
                }
            }
            Object uses = body.get("uses");
            if (uses != null) {
                pinned(path + ".uses", uses.toString());
            }
            List<?> steps = Yamls.list(body.get("steps"));
            for (int i = 0; i < steps.size(); i++) {
                usesAws |= step(path + ".steps[" + i + "]", Yamls.map(steps.get(i)));
            }
        }
        cycles(jobs);
        if (usesAws) {
            Map<String, Object> permissions = Yamls.map(root.get("permissions"));
            if (!"write".equals(permissions.get("id-token"))) {
                add("permissions.id-token", "oidc", "AWS is reached through OIDC: grant id-token: write");
            }
        }
    }

    private boolean step(String path, Map<String, Object> step) {
        Object uses = step.get("uses");
        Object run = step.get("run");
        if (uses == null && run == null) {
            add(path, "step", "a step needs uses or run");
        }
        if (run != null && UNSAFE_IN_RUN.matcher(run.toString()).find()) {
            add(path + ".run", "script-injection", "pass secrets, inputs and event data through env:, not ${{ }} in run");
        }
        if (uses == null) {
            return false;
        }
        pinned(path + ".uses", uses.toString());
        Map<String, Object> with = Yamls.map(step.get("with"));
        if (with.containsKey("aws-access-key-id") || with.containsKey("aws-secret-access-key")) {
            add(path + ".with", "oidc", "no long-lived AWS keys: use role-to-assume (OIDC)");
        }
        return uses.toString().startsWith("aws-actions/configure-aws-credentials");
    }

    private void pinned(String path, String uses) {
        if (uses.startsWith("./") || uses.startsWith("docker://")) {
            return;
        }
        int at = uses.indexOf('@');
        if (at < 0 || !PINNED_REF.matcher(uses.substring(at + 1)).matches()) {
            add(path, "pinned-action", uses + " must be pinned to a release tag or a commit SHA");
        }
    }

    private void expressions(String yaml) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (count(line, "${{") != count(line, "}}")) {
                findings.add(Finding.at(file, i + 1, "expression", "unbalanced ${{ }}"));
                continue;
            }
            Matcher m = EXPRESSION.matcher(line);
            while (m.find()) {
                Matcher id = ROOT_IDENTIFIER.matcher(QUOTED.matcher(m.group(1)).replaceAll("''"));
                while (id.find()) {
                    String name = id.group(1);
                    if (!CONTEXTS.contains(name) && !FUNCTIONS.contains(name)) {
                        findings.add(Finding.at(file, i + 1, "expression", "unknown context or function '" + name + "'"));
                    }
                }
            }
        }
    }

    private void cycles(Map<String, Object> jobs) {
        for (String start : jobs.keySet()) {
            Deque<String> todo = new ArrayDeque<>(needs(Yamls.map(jobs.get(start))).stream().map(String::valueOf).toList());
            Set<String> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                String job = todo.pop();
                if (job.equals(start)) {
                    add("jobs." + start + ".needs", "needs", "cycle through " + start);
                    break;
                }
                if (seen.add(job)) {
                    needs(Yamls.map(jobs.get(job))).forEach(n -> todo.push(n.toString()));
                }
            }
        }
    }

    static List<?> needs(Map<String, Object> job) {
        Object needs = job.get("needs");
        return needs instanceof String s ? List.of(s) : Yamls.list(needs);
    }

    private static int count(String s, String token) {
        int n = 0;
        for (int i = s.indexOf(token); i >= 0; i = s.indexOf(token, i + token.length())) {
            n++;
        }
        return n;
    }

    private void add(String path, String rule, String message) {
        findings.add(Finding.in(file, path, rule, message));
    }
}
