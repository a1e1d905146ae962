package uk.co.lomashwood.tools.checks.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seed's "CI/CD Pipeline", step by step, and where each step lives: a job or step whose name
 * contains the step's words. Steps must also run in the seed's order: a later step sits later in
 * the same job, or in a job that (transitively) needs the earlier one's job.
 */
public final class PipelineMap {

    /** workflow file → the seed's steps, in order, as the words the job or step name carries. */
    public static final Map<String, List<String>> SEED = seed();

    private record Located(String job, int step) {
    }

    private PipelineMap() {
    }

    private static Map<String, List<String>> seed() {
        Map<String, List<String>> seed = new LinkedHashMap<>();
        seed.put("ci.yml", List.of("pnpm install", "TypeScript typecheck", "ESLint + Prettier", "Jest",
                "Supertest + test containers", "Trivy", "npm audit", "SAST"));
        seed.put("deploy-staging.yml", List.of("Build Docker images (multi-arch: amd64 + arm64)", "Push to ECR (tagged with git SHA)",
                "prisma migrate deploy", "ECS update-service (rolling deployment, 1 task at a time)"));
        seed.put("deploy-production.yml", List.of("Manual approval", "Pull staging-tested image SHA from ECR",
                "prisma migrate deploy", "ECS Blue/Green deployment via CodeDeploy",
                "10-minute bake period (ALB weighted routing: 10% → new, 90% → old)",
                "Automated smoke tests against production (health + key flows)",
                "Full cutover → old tasks drained and stopped"));
        seed.put("rollback.yml", List.of("Re-point ECS service to previous task definition revision",
                "Alert ops team via SNS → Slack"));
        return seed;
    }

    /** Problems with one workflow against its seed steps; {@code ordered} also checks the order (not for ci.yml's parallel jobs). */
    public static List<String> check(String file, String yaml, boolean ordered) {
        Map<String, Object> jobs = Yamls.map(Yamls.load(yaml).get("jobs"));
        List<String> problems = new ArrayList<>();
        Located previous = null;
        String previousStep = null;
        for (String seedStep : SEED.get(file)) {
            Located here = locate(jobs, seedStep);
            if (here == null) {
                problems.add(file + ": no job or step named after seed step \"" + seedStep + "\"");
                continue;
            }
            if (ordered && previous != null && !after(jobs, previous, here)) {
                problems.add(file + ": \"" + seedStep + "\" does not run after \"" + previousStep + "\"");
            }
            previous = here;
            previousStep = seedStep;
        }
        return problems;
    }

    private static Located locate(Map<String, Object> jobs, String words) {
        for (var job : jobs.entrySet()) {
            Map<String, Object> body = Yamls.map(job.getValue());
            if (contains(body.get("name"), words)) {
                return new Located(job.getKey(), -1);
            }
            List<?> steps = Yamls.list(body.get("steps"));
            for (int i = 0; i < steps.size(); i++) {
                if (contains(Yamls.map(steps.get(i)).get("name"), words)) {
                    return new Located(job.getKey(), i);
                }
            }
        }
        return null;
    }

    private static boolean after(Map<String, Object> jobs, Located earlier, Located later) {
        if (earlier.job().equals(later.job())) {
            return later.step() >= earlier.step();
        }
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(later.job()));
        while (!todo.isEmpty()) {
            String job = todo.removeLast();
            for (Object need : WorkflowLint.needs(Yamls.map(jobs.get(job)))) {
                if (need.toString().equals(earlier.job())) {
                    return true;
                }
                if (seen.add(need.toString())) {
                    todo.add(need.toString());
                }
            }
        }
        return false;
    }

    private static boolean contains(Object name, String words) {
        return name != null && name.toString().toLowerCase(java.util.Locale.ROOT).contains(words.toLowerCase(java.util.Locale.ROOT));
    }
}
