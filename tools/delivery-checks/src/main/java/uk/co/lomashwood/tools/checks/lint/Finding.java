package uk.co.lomashwood.tools.checks.lint;

/** One problem a check found: where (file and line, 0 when unknown, or a YAML path) and what. */
public record Finding(String file, String where, String rule, String message) {

    public static Finding at(String file, int line, String rule, String message) {
        return new Finding(file, line > 0 ? Integer.toString(line) : "", rule, message);
    }

    public static Finding in(String file, String path, String rule, String message) {
        return new Finding(file, path, rule, message);
    }

    @Override
    public String toString() {
        return file + (where.isEmpty() ? "" : ":" + where) + " [" + rule + "] " + message;
    }
}
