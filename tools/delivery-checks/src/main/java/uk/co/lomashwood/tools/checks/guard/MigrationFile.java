package uk.co.lomashwood.tools.checks.guard;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration script: a name to report and its SQL. Files sort in Flyway's order: versioned scripts by
 * version ({@code V1_2__x.sql} is 1.2), repeatable ones ({@code R__x.sql}) after them.
 */
public record MigrationFile(String name, String sql) {

    public static final Pattern FLYWAY_NAME = Pattern.compile("(?:V(\\d+(?:[._]\\d+)*)|R)__\\w[\\w-]*\\.sql");

    public static final Comparator<MigrationFile> FLYWAY_ORDER =
            Comparator.comparing(MigrationFile::versionKey, MigrationFile::compareVersions).thenComparing(MigrationFile::name);

    public String fileName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private String versionKey() {
        Matcher m = FLYWAY_NAME.matcher(fileName());
        if (!m.matches()) {
            return "~";
        }
        return m.group(1) == null ? "~R" : m.group(1).replace('_', '.');
    }

    private static int compareVersions(String a, String b) {
        if (a.startsWith("~") || b.startsWith("~")) {
            return a.startsWith("~") && b.startsWith("~") ? a.compareTo(b) : a.startsWith("~") ? 1 : -1;
        }
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            BigInteger p = i < x.length ? new BigInteger(x[i]) : BigInteger.ZERO;
            BigInteger q = i < y.length ? new BigInteger(y[i]) : BigInteger.ZERO;
            int c = p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
