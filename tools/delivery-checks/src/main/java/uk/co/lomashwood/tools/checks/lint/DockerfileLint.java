package uk.co.lomashwood.tools.checks.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Dockerfile rules this project relies on (a subset of hadolint's, plus our own): multi-stage,
 * base images pinned to a version, a non-root user and a HEALTHCHECK in the final stage, exec-form
 * ENTRYPOINT/CMD (so SIGTERM reaches the JVM), container-aware JVM memory flags, COPY rather than ADD,
 * and no credentials in ENV/ARG.
 */
public final class DockerfileLint {

    record Instruction(int line, String keyword, String arguments) {
    }

    private static final Pattern ARG_DEFAULT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\\S+)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?}?");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY).*");

    private DockerfileLint() {
    }

    public static List<Finding> check(String file, String content) {
        List<Instruction> instructions = parse(content);
        List<Finding> findings = new ArrayList<>();
        Map<String, String> globalArgs = new HashMap<>();
        List<Integer> stageStarts = new ArrayList<>();
        List<String> stages = new ArrayList<>();
        for (int i = 0; i < instructions.size(); i++) {
            Instruction in = instructions.get(i);
            switch (in.keyword()) {
                case "ARG" -> {
                    Matcher m = ARG_DEFAULT.matcher(in.arguments());
                    if (stageStarts.isEmpty() && m.find()) {
                        globalArgs.put(m.group(1), m.group(2));
                    }
                    secretAssignment(file, in, findings);
                }
                case "FROM" -> {
                    stageStarts.add(i);
                    pinned(file, in, globalArgs, stages, findings);
                }
                case "ADD" -> findings.add(Finding.at(file, in.line(), "use-copy", "ADD fetches and unpacks implicitly; use COPY"));
                case "ENV" -> secretAssignment(file, in, findings);
                case "ENTRYPOINT", "CMD" -> {
                    if (!in.arguments().startsWith("[")) {
                        findings.add(Finding.at(file, in.line(), "exec-form",
                                in.keyword() + " must use the JSON (exec) form so the JVM receives SIGTERM"));
                    }
                }
                default -> {
                }
            }
        }
        if (stageStarts.size() < 2) {
            findings.add(Finding.at(file, 0, "multi-stage", "build and runtime must be separate stages"));
        }
        if (stageStarts.isEmpty()) {
            return findings;
        }
        List<Instruction> last = instructions.subList(stageStarts.getLast(), instructions.size());
        String user = last.stream().filter(in -> in.keyword().equals("USER")).map(Instruction::arguments)
                .reduce((a, b) -> b).orElse(null);
        if (user == null || user.split(":")[0].matches("root|0")) {
            findings.add(Finding.at(file, 0, "non-root", "the final stage must switch to a non-root USER"));
        }
        boolean healthcheck = last.stream().anyMatch(in -> in.keyword().equals("HEALTHCHECK")
                && !in.arguments().toUpperCase(Locale.ROOT).startsWith("NONE"));
        if (!healthcheck) {
            findings.add(Finding.at(file, 0, "healthcheck", "the final stage must declare a HEALTHCHECK"));
        }
        boolean jvmFlags = last.stream().anyMatch(in -> in.arguments().contains("MaxRAMPercentage"));
        if (!jvmFlags) {
            findings.add(Finding.at(file, 0, "jvm-container-memory",
                    "the JVM must size its heap from the container limit (-XX:MaxRAMPercentage)"));
        }
        return findings;
    }

    private static void pinned(String file, Instruction from, Map<String, String> args, List<String> stages,
                               List<Finding> findings) {
        String[] words = from.arguments().split("\\s+");
        String image = java.util.Arrays.stream(words).filter(w -> !w.startsWith("--")).findFirst().orElse("");
        boolean earlierStage = stages.contains(image);
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equalsIgnoreCase("AS")) {
                stages.add(words[i + 1]);
            }
        }
        if (image.isEmpty() || earlierStage) {
            return;
        }
        String resolved = VARIABLE.matcher(image).replaceAll(m -> Matcher.quoteReplacement(args.getOrDefault(m.group(1), "")));
        if (resolved.contains("@sha256:")) {
            return;
        }
        int colon = resolved.lastIndexOf(':');
        String tag = colon > resolved.lastIndexOf('/') ? resolved.substring(colon + 1) : "";
        if (tag.isEmpty() || tag.equals("latest") || !tag.matches(".*\\d.*")) {
            findings.add(Finding.at(file, from.line(), "pinned-base",
                    "base image " + image + " must be pinned to a version tag or digest (resolved: " + resolved + ")"));
        }
    }

    private static void secretAssignment(String file, Instruction in, List<Finding> findings) {
        Matcher m = ARG_DEFAULT.matcher(in.arguments());
        while (m.find()) {
            if (SECRET_NAME.matcher(m.group(1)).matches() && !m.group(2).startsWith("$")) {
                findings.add(Finding.at(file, in.line(), "no-secrets",
                        m.group(1) + " must not be baked into the image; pass it at run time"));
            }
        }
    }

    /** Instructions with continuation lines joined; comments and parser directives dropped. */
    static List<Instruction> parse(String content) {
        List<Instruction> out = new ArrayList<>();
        String[] lines = content.split("\n", -1);
        StringBuilder current = null;
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("#")) {
                continue;
            }
            if (current == null) {
                if (line.isEmpty()) {
                    continue;
                }
                current = new StringBuilder();
                start = i + 1;
            }
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continues) {
                String text = current.toString().strip();
                int space = text.indexOf(' ');
                String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
                out.add(new Instruction(start, keyword, space < 0 ? "" : text.substring(space + 1).strip()));
                current = null;
            }
        }
        return out;
    }
}
