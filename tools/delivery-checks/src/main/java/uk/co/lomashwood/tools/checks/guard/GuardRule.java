package uk.co.lomashwood.tools.checks.guard;

/** The non-additive changes of spec 00 §5.3 that the migration guard refuses. */
public enum GuardRule {
    DROP_COLUMN("drops a column that the previous release may still read"),
    DROP_TABLE("drops a table that the previous release may still use"),
    RENAME("renames a table or column: the previous release still uses the old name"),
    ALTER_TYPE("changes a column type without proving it is a widening (narrowing breaks old code and data)"),
    NOT_NULL_WITHOUT_DEFAULT("makes a column of an existing table NOT NULL without a DEFAULT: inserts from the previous release fail"),
    /** A malformed exemption marker; it can never be exempted itself. */
    EXEMPTION_MARKER("has a malformed migration-guard marker");

    private final String description;

    GuardRule(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
