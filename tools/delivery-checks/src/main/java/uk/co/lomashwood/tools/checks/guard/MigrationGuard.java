package uk.co.lomashwood.tools.checks.guard;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses non-additive schema changes (spec 00 §5.3, DESIGN §3): the new schema must keep working with
 * the previous release's code during blue/green and after a rollback. Statements on a table created
 * earlier in the same file are exempt: no released code knows that table yet. Anything else needs a
 * reviewed marker (see {@link Exemptions}).
 */
public final class MigrationGuard {

    private static final String NAME = "(?:\"[^\"]+\"|[A-Za-z_][\\w$]*)(?:\\.(?:\"[^\"]+\"|[A-Za-z_][\\w$]*))?";
    private static final int CI = Pattern.CASE_INSENSITIVE;
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "^CREATE (?:(?:GLOBAL |LOCAL )?(?:TEMP|TEMPORARY|UNLOGGED) )?TABLE (?:IF NOT EXISTS )?(" + NAME + ")(.*)$", CI);
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "^ALTER TABLE (?:IF EXISTS )?(?:ONLY )?(" + NAME + ") ?\\*? (.*)$", CI);
    private static final Pattern DROP_TABLE = Pattern.compile("^DROP TABLE (?:IF EXISTS )?(.+?)(?: CASCADE| RESTRICT)?$", CI);
    private static final Pattern DROP_SCHEMA = Pattern.compile("^DROP SCHEMA\\b", CI);
    private static final Pattern RENAME = Pattern.compile("^RENAME (?:TO\\b|(?:COLUMN )?(?!CONSTRAINT\\b)" + NAME + " TO\\b)", CI);
    private static final Pattern DROP_COLUMN = Pattern.compile("^DROP (?:COLUMN )?(?!CONSTRAINT\\b)(?:IF EXISTS )?(" + NAME + ")", CI);
    private static final Pattern ADD_COLUMN = Pattern.compile(
            "^ADD (?:COLUMN )?(?:IF NOT EXISTS )?(?!(?:CONSTRAINT|PRIMARY|UNIQUE|FOREIGN|CHECK|EXCLUDE)\\b)(" + NAME + ") (.+)$", CI);
    private static final Pattern ALTER_TYPE = Pattern.compile(
            "^ALTER (?:COLUMN )?(" + NAME + ") (?:SET DATA )?TYPE (.+?)(?: USING .*| COLLATE .*)?$", CI);
    private static final Pattern SET_NOT_NULL = Pattern.compile("^ALTER (?:COLUMN )?(" + NAME + ") SET NOT NULL$", CI);
    private static final Pattern SET_DEFAULT = Pattern.compile("^ALTER (?:COLUMN )?(" + NAME + ") SET DEFAULT\\b", CI);
    private static final Pattern DROP_DEFAULT = Pattern.compile("^ALTER (?:COLUMN )?(" + NAME + ") DROP DEFAULT$", CI);
    private static final Pattern TABLE_CONSTRAINT = Pattern.compile("^(?:CONSTRAINT|PRIMARY|UNIQUE|FOREIGN|CHECK|EXCLUDE|LIKE)\\b", CI);
    private static final Pattern COLUMN_CONSTRAINT_START = Pattern.compile(
            " (?=(?:NOT|NULL|DEFAULT|PRIMARY|REFERENCES|UNIQUE|CHECK|CONSTRAINT|GENERATED|COLLATE)\\b)", CI);
    private static final Pattern NOT_NULL = Pattern.compile("\\bNOT NULL\\b|\\bPRIMARY KEY\\b", CI);
    private static final Pattern HAS_DEFAULT = Pattern.compile("\\bDEFAULT\\b|\\bGENERATED\\b", CI);
    private static final Pattern EMBEDDED_DDL = Pattern.compile("\\b(?:ALTER TABLE|DROP TABLE|DROP SCHEMA|CREATE TABLE)\\b", CI);
    private static final Pattern SERIAL = Pattern.compile("^(?:small|big)?serial[248]?$", CI);

    private final Schema schema = new Schema();
    private final List<Violation> violations = new ArrayList<>();

    private MigrationGuard() {
    }

    /** Checks the files of one database in the order Flyway applies them. */
    public static List<Violation> check(List<MigrationFile> filesInOrder) {
        MigrationGuard guard = new MigrationGuard();
        filesInOrder.forEach(guard::checkFile);
        return List.copyOf(guard.violations);
    }

    private void checkFile(MigrationFile file) {
        List<SqlStatement> statements = SqlScript.split(file.sql());
        Set<GuardRule> fileWide = EnumSet.noneOf(GuardRule.class);
        statements.forEach(s -> Exemptions.parse(s.comments()).stream().filter(Exemptions.Marker::fileWide)
                .forEach(m -> fileWide.addAll(m.rules())));
        Set<String> createdHere = new HashSet<>();
        for (SqlStatement statement : statements) {
            Set<GuardRule> allowed = EnumSet.copyOf(fileWide);
            for (Exemptions.Marker marker : Exemptions.parse(statement.comments())) {
                if (marker.problem() != null) {
                    violations.add(new Violation(file.name(), statement.line(), GuardRule.EXEMPTION_MARKER, marker.problem()));
                }
                allowed.addAll(marker.rules());
            }
            List<GuardRule> found = new ArrayList<>(analyse(statement.code(), createdHere));
            if (statement.code().regionMatches(true, 0, "DO ", 0, 3)) {
                for (String body : statement.dollarBodies()) {
                    for (SqlStatement inner : SqlScript.split(body)) {
                        // PL/pgSQL wraps DDL in IF/BEGIN: check from each DDL keyword on.
                        Matcher ddl = EMBEDDED_DDL.matcher(inner.code());
                        while (ddl.find()) {
                            found.addAll(analyse(inner.code().substring(ddl.start()), createdHere));
                        }
                    }
                }
            }
            found.stream().distinct().filter(rule -> !allowed.contains(rule))
                    .forEach(rule -> violations.add(new Violation(file.name(), statement.line(), rule, statement.code())));
        }
    }

    private List<GuardRule> analyse(String code, Set<String> createdHere) {
        Matcher m;
        if ((m = CREATE_TABLE.matcher(code)).matches()) {
            String table = Schema.name(m.group(1));
            createdHere.add(table);
            recordColumns(table, m.group(2));
            return List.of();
        }
        if ((m = DROP_TABLE.matcher(code)).matches()) {
            boolean existing = splitTopLevel(m.group(1)).stream().map(Schema::name).anyMatch(t -> !createdHere.contains(t));
            return existing ? List.of(GuardRule.DROP_TABLE) : List.of();
        }
        if (DROP_SCHEMA.matcher(code).find()) {
            return List.of(GuardRule.DROP_TABLE);
        }
        if ((m = ALTER_TABLE.matcher(code)).matches()) {
            String table = Schema.name(m.group(1));
            List<GuardRule> found = new ArrayList<>();
            for (String action : splitTopLevel(m.group(2))) {
                GuardRule rule = alterAction(table, action);
                if (rule != null && !createdHere.contains(table)) {
                    found.add(rule);
                }
            }
            return found;
        }
        return List.of();
    }

    /** The rule an ALTER TABLE action breaks, if any; keeps the schema model up to date either way. */
    private GuardRule alterAction(String table, String action) {
        Matcher m;
        if (RENAME.matcher(action).find()) {
            return GuardRule.RENAME;
        }
        if ((m = ADD_COLUMN.matcher(action)).matches()) {
            Schema.Column column = column(m.group(2));
            schema.put(table, Schema.name(m.group(1)), column);
            return NOT_NULL.matcher(m.group(2)).find() && !column.hasDefault() ? GuardRule.NOT_NULL_WITHOUT_DEFAULT : null;
        }
        if ((m = DROP_COLUMN.matcher(action)).find()) {
            return GuardRule.DROP_COLUMN;
        }
        if ((m = ALTER_TYPE.matcher(action)).matches()) {
            String column = Schema.name(m.group(1));
            String newType = m.group(2);
            boolean widening = schema.column(table, column).map(c -> ColumnTypes.isWidening(c.type(), newType)).orElse(false);
            schema.update(table, column, c -> new Schema.Column(newType, c.hasDefault()));
            return widening ? null : GuardRule.ALTER_TYPE;
        }
        if ((m = SET_NOT_NULL.matcher(action)).matches()) {
            boolean hasDefault = schema.column(table, Schema.name(m.group(1))).map(Schema.Column::hasDefault).orElse(false);
            return hasDefault ? null : GuardRule.NOT_NULL_WITHOUT_DEFAULT;
        }
        if ((m = SET_DEFAULT.matcher(action)).find()) {
            schema.update(table, Schema.name(m.group(1)), c -> new Schema.Column(c.type(), true));
        } else if ((m = DROP_DEFAULT.matcher(action)).matches()) {
            schema.update(table, Schema.name(m.group(1)), c -> new Schema.Column(c.type(), false));
        }
        return null;
    }

    private void recordColumns(String table, String rest) {
        String body = rest.trim();
        if (!body.startsWith("(")) {
            return;
        }
        int close = matchingParen(body);
        for (String element : splitTopLevel(body.substring(1, close))) {
            if (element.isBlank() || TABLE_CONSTRAINT.matcher(element).find()) {
                continue;
            }
            String[] nameAndDefinition = element.split(" ", 2);
            if (nameAndDefinition.length == 2) {
                schema.put(table, Schema.name(nameAndDefinition[0]), column(nameAndDefinition[1]));
            }
        }
    }

    private static Schema.Column column(String definition) {
        String type = COLUMN_CONSTRAINT_START.split(definition.trim(), 2)[0].trim();
        boolean hasDefault = HAS_DEFAULT.matcher(definition).find() || SERIAL.matcher(type).matches();
        return new Schema.Column(type, hasDefault);
    }

    private static int matchingParen(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(s.substring(start).trim());
        return parts;
    }
}
