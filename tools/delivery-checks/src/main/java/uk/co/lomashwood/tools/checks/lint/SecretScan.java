package uk.co.lomashwood.tools.checks.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for credentials written into delivery files. Values taken from the environment, from
 * {@code ${{ secrets.X }}} or generated at run time ({@code $(…)}) are fine; literals are not. A line
 * may opt out with a {@code secret-scan: allow} comment (say why on the same line).
 */
public final class SecretScan {

    private record Rule(String name, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("aws-access-key-id", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b")),
            new Rule("aws-secret-access-key", Pattern.compile("(?i)aws_?secret_?access_?key\\W{0,3}[:=]\\s*[\"']?[A-Za-z0-9/+=]{40}\\b")),
            new Rule("stripe-key", Pattern.compile("\\b(?:sk|rk|pk)_(?:live|test)_[0-9A-Za-z]{16,}")),
            new Rule("stripe-webhook-secret", Pattern.compile("\\bwhsec_[0-9A-Za-z]{16,}")),
            new Rule("private-key", Pattern.compile("-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY")),
            new Rule("github-token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}")),
            new Rule("slack-token", Pattern.compile("\\bxox[abprs]-[0-9A-Za-z-]{10,}")),
            new Rule("slack-webhook", Pattern.compile("hooks\\.slack\\.com/services/T[0-9A-Z]+/")),
            new Rule("twilio-key", Pattern.compile("\\bSK[0-9a-f]{32}\\b")),
            new Rule("jwt", Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}")),
            new Rule("connection-string-password", Pattern.compile("\\b[a-z][a-z0-9+]*://[^\\s:/@$]+:[^\\s@${}]{3,}@")));

    /** {@code PASSWORD: value}, {@code api_key = "value"}, {@code --password value} with a literal value. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)([A-Za-z0-9_.-]*(?:password|passwd|secret|token|api[_-]?key|private[_-]?key|credentials?))"
                    + "(?:\"|')?\\s*(?::|=|\\s)\\s*(\"[^\"]*\"|'[^']*'|[^\\s,;#}]+)");
    private static final Pattern ALLOW = Pattern.compile("secret-scan:\\s*allow");

    private SecretScan() {
    }

    public static List<Finding> scan(String file, String content) {
        List<Finding> findings = new ArrayList<>();
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (ALLOW.matcher(line).find()) {
                continue;
            }
            for (Rule rule : RULES) {
                if (rule.pattern().matcher(line).find()) {
                    findings.add(Finding.at(file, i + 1, rule.name(), "looks like a credential"));
                }
            }
            Matcher m = ASSIGNMENT.matcher(line);
            while (m.find()) {
                if (isLiteralSecret(m.group(1), unquote(m.group(2)))) {
                    findings.add(Finding.at(file, i + 1, "literal-secret",
                            m.group(1) + " is given a literal value; take it from the environment or the secret store"));
                }
            }
        }
        return findings;
    }

    private static boolean isLiteralSecret(String key, String value) {
        if (value.length() < 8 || value.startsWith("$") || value.startsWith("<") || value.startsWith("-")
                || value.startsWith("\\$") || value.contains("${") || value.contains("$(")) {
            return false;
        }
        // Names of things, not values: another variable, a file, a flag, a secret's path or ARN.
        if (value.matches("[A-Z][A-Z0-9_]*") || value.matches("[a-z0-9-]+(?:/[a-z0-9-]+)+") || value.startsWith("arn:")
                || value.contains("/") && !value.contains("://") || value.endsWith(")") || value.endsWith(".")) {
            return false;
        }
        // A secret has no spaces and mixes character classes; prose and identifiers don't look like that.
        boolean letters = value.chars().anyMatch(Character::isLetter);
        boolean digitsOrSymbols = value.chars().anyMatch(c -> Character.isDigit(c) || "!@#%^&*+=_~".indexOf(c) >= 0);
        return letters && digitsOrSymbols && !key.isEmpty();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
