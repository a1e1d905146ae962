package uk.co.lomashwood.tools.checks.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits PostgreSQL migration text into statements at top-level semicolons, aware of {@code --} and
 * nested block comments, quoted strings ({@code ''} and {@code E'\''} escapes), quoted identifiers
 * and dollar-quoted bodies.
 */
public final class SqlScript {

    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)?\\$");

    private final String sql;
    private final List<SqlStatement> statements = new ArrayList<>();
    private final StringBuilder code = new StringBuilder();
    private final StringBuilder comments = new StringBuilder();
    private final List<String> bodies = new ArrayList<>();
    private int line = 1;
    private int codeLine = -1;

    private SqlScript(String sql) {
        this.sql = sql;
    }

    public static List<SqlStatement> split(String sql) {
        SqlScript script = new SqlScript(sql);
        script.scan();
        return script.statements;
    }

    private void scan() {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && next(i) == '-') {
                int end = lineEnd(i);
                comments.append(sql, i + 2, end).append('\n');
                i = end;
            } else if (c == '/' && next(i) == '*') {
                i = skipBlockComment(i);
            } else if (c == '\'') {
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
                i = quoted(i, '\'', escapes);
            } else if (c == '"') {
                i = identifier(i);
            } else if (c == '$' && dollarTagAt(i) != null) {
                i = dollarQuoted(i, dollarTagAt(i));
            } else if (c == ';') {
                finishStatement();
                i++;
            } else {
                appendCode(c);
                i++;
            }
        }
        finishStatement();
    }

    private void appendCode(char c) {
        if (c == '\n') {
            line++;
        }
        if (Character.isWhitespace(c)) {
            if (!code.isEmpty() && code.charAt(code.length() - 1) != ' ') {
                code.append(' ');
            }
            return;
        }
        if (codeLine < 0) {
            codeLine = line;
        }
        code.append(c);
    }

    private void appendToken(String token) {
        if (codeLine < 0) {
            codeLine = line;
        }
        code.append(token);
    }

    private void finishStatement() {
        String text = code.toString().trim();
        if (!text.isEmpty()) {
            statements.add(new SqlStatement(text, comments.toString(), codeLine, List.copyOf(bodies)));
            comments.setLength(0);
        }
        code.setLength(0);
        bodies.clear();
        codeLine = -1;
    }

    private int quoted(int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            countLine(c);
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (next(i) == quote) {
                    i += 2;
                    continue;
                }
                break;
            }
            i++;
        }
        appendToken("''");
        return i + 1;
    }

    private int identifier(int start) {
        int end = sql.indexOf('"', start + 1);
        end = end < 0 ? sql.length() - 1 : end;
        String name = sql.substring(start, end + 1);
        name.chars().forEach(ch -> countLine((char) ch));
        appendToken(name);
        return end + 1;
    }

    private int dollarQuoted(int start, String tag) {
        int bodyStart = start + tag.length();
        int end = sql.indexOf(tag, bodyStart);
        end = end < 0 ? sql.length() : end;
        String body = sql.substring(bodyStart, end);
        body.chars().forEach(ch -> countLine((char) ch));
        bodies.add(body);
        appendToken("$$");
        return Math.min(sql.length(), end + tag.length());
    }

    private int skipBlockComment(int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    break;
                }
            } else {
                countLine(sql.charAt(i));
                i++;
            }
        }
        appendCode(' ');
        return i;
    }

    private String dollarTagAt(int i) {
        Matcher m = DOLLAR_TAG.matcher(sql).region(i, sql.length());
        if (!m.lookingAt()) {
            return null;
        }
        // $1 style parameters are not quotes; an identifier just before means a name like a$b.
        if (i > 0 && Character.isLetterOrDigit(sql.charAt(i - 1))) {
            return null;
        }
        return m.group();
    }

    private int lineEnd(int i) {
        int end = sql.indexOf('\n', i);
        return end < 0 ? sql.length() : end;
    }

    private char next(int i) {
        return i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
    }

    private void countLine(char c) {
        if (c == '\n') {
            line++;
        }
    }
}
