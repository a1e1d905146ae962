package uk.co.lomashwood.tools.checks.guard;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reviewed exemption markers, written as SQL line comments:
 * <pre>
 * -- migration-guard: allow DROP_COLUMN reason="contract step of #42, unused since 1.4" reviewed-by="jane.doe"
 * </pre>
 * {@code allow} above (or inside) a statement exempts that statement; {@code allow-file} anywhere in a
 * file exempts every statement of the file. Several rules may be listed, comma-separated. A marker
 * without a non-empty {@code reason} and {@code reviewed-by}, or naming an unknown rule, is itself a violation.
 */
public final class Exemptions {

    static final Pattern MARKER = Pattern.compile("migration-guard:\\s*(\\S+)(.*)");
    private static final Pattern HEAD = Pattern.compile("\\s*(allow|allow-file)\\s+([A-Z_]+(?:\\s*,\\s*[A-Z_]+)*)(.*)");
    private static final Pattern ATTRIBUTE = Pattern.compile("(reason|reviewed-by)\\s*=\\s*\"([^\"]*)\"");

    /** What one marker allows, or why it is malformed. */
    record Marker(boolean fileWide, Set<GuardRule> rules, String problem) {
    }

    private Exemptions() {
    }

    /** Every marker in the given comment text, in order. */
    static List<Marker> parse(String comments) {
        List<Marker> markers = new ArrayList<>();
        for (String line : comments.split("\n")) {
            Matcher m = MARKER.matcher(line);
            if (m.find()) {
                markers.add(marker(m.group(1) + m.group(2)));
            }
        }
        return markers;
    }

    private static Marker marker(String text) {
        Matcher head = HEAD.matcher(text);
        if (!head.matches()) {
            return malformed("expected: migration-guard: allow RULE reason=\"...\" reviewed-by=\"...\"");
        }
        Set<GuardRule> rules = EnumSet.noneOf(GuardRule.class);
        for (String name : head.group(2).split("\\s*,\\s*")) {
            try {
                GuardRule rule = GuardRule.valueOf(name);
                if (rule == GuardRule.EXEMPTION_MARKER) {
                    return malformed("EXEMPTION_MARKER cannot be allowed");
                }
                rules.add(rule);
            } catch (IllegalArgumentException e) {
                return malformed("unknown rule " + name + " (known: DROP_COLUMN, DROP_TABLE, RENAME, ALTER_TYPE, "
                        + "NOT_NULL_WITHOUT_DEFAULT)");
            }
        }
        String reason = null;
        String reviewer = null;
        Matcher attribute = ATTRIBUTE.matcher(head.group(3));
        while (attribute.find()) {
            if (attribute.group(1).equals("reason")) {
                reason = attribute.group(2).strip();
            } else {
                reviewer = attribute.group(2).strip();
            }
        }
        if (reason == null || reason.isEmpty() || reviewer == null || reviewer.isEmpty()) {
            return malformed("a marker needs a non-empty reason=\"...\" and reviewed-by=\"...\"");
        }
        return new Marker(head.group(1).equals("allow-file"), rules, null);
    }

    private static Marker malformed(String problem) {
        return new Marker(false, Set.of(), problem);
    }
}
