package uk.co.lomashwood.tools.checks.guard;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlScriptTest {

    @Test
    void splitsAtTopLevelSemicolonsOnly() {
        List<SqlStatement> statements = SqlScript.split("""
                -- header
                CREATE TABLE a (id int, note text DEFAULT 'x;y'); /* block ; comment /* nested */ */
                INSERT INTO a VALUES (1, E'it\\'s; fine'), (2, 'it''s; fine');
                CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;
                SELECT "odd;name" FROM a
                """);

        assertThat(statements).extracting(SqlStatement::code).containsExactly(
                "CREATE TABLE a (id int, note text DEFAULT '')",
                "INSERT INTO a VALUES (1, E''), (2, '')",
                "CREATE FUNCTION f() RETURNS int AS $$ LANGUAGE sql",
                "SELECT \"odd;name\" FROM a");
        assertThat(statements).extracting(SqlStatement::line).containsExactly(2, 3, 4, 5);
        assertThat(statements.get(0).comments()).contains("header");
        assertThat(statements.get(2).dollarBodies()).containsExactly(" SELECT 1; ");
    }

    @Test
    void positionalParametersAreNotDollarQuotes() {
        assertThat(SqlScript.split("PREPARE p AS SELECT $1; SELECT 2;")).hasSize(2);
    }
}
