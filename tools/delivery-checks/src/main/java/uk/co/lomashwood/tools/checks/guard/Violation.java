package uk.co.lomashwood.tools.checks.guard;

/** One refused statement: where it is, which rule, and the statement itself. */
public record Violation(String file, int line, GuardRule rule, String statement) {

    @Override
    public String toString() {
        String excerpt = statement.length() > 120 ? statement.substring(0, 117) + "..." : statement;
        return file + ":" + line + " " + rule + " — " + rule.description() + "\n    " + excerpt;
    }
}
