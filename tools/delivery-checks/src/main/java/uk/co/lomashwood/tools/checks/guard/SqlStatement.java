package uk.co.lomashwood.tools.checks.guard;

import java.util.List;

/**
 * One SQL statement of a migration file.
 *
 * @param code          the statement with comments removed, string and dollar-quoted contents blanked and
 *                      whitespace collapsed, so patterns never match inside literals
 * @param comments      the text of the {@code --} comments between the previous statement and this one's end
 * @param line          1-based line where the statement's code starts
 * @param dollarBodies  contents of its dollar-quoted strings (a {@code DO} block's body is checked too)
 */
public record SqlStatement(String code, String comments, int line, List<String> dollarBodies) {
}
