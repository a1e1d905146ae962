package uk.co.lomashwood.tools.checks.guard;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationGuardTest {

    /** An earlier release created these tables; the file under test changes them. */
    private static final MigrationFile BASELINE = new MigrationFile("V1__baseline.sql", """
            CREATE TABLE users (
                id uuid PRIMARY KEY,
                email citext NOT NULL UNIQUE,
                nickname varchar(40),
                score integer NOT NULL DEFAULT 0,
                price numeric(10,2),
                status text NOT NULL,
                CONSTRAINT users_status_ck CHECK (status IN ('A', 'B'))
            );
            CREATE TABLE audit_log (id bigserial PRIMARY KEY, note text);
            """);

    private static List<GuardRule> rules(String sql) {
        return MigrationGuard.check(List.of(BASELINE, new MigrationFile("V2__change.sql", sql))).stream()
                .map(Violation::rule).toList();
    }

    @Nested
    class EachRuleFires {

        @ParameterizedTest
        @ValueSource(strings = {
                "ALTER TABLE users DROP COLUMN nickname;",
                "alter table public.users drop nickname;",
                "ALTER TABLE IF EXISTS ONLY \"users\" DROP COLUMN IF EXISTS nickname CASCADE;",
                "ALTER TABLE users ADD COLUMN x int, DROP COLUMN nickname;"})
        void dropColumn(String sql) {
            assertThat(rules(sql)).contains(GuardRule.DROP_COLUMN);
        }

        @ParameterizedTest
        @ValueSource(strings = {"DROP TABLE audit_log;", "drop table if exists public.audit_log cascade;",
                "DROP TABLE new_one, audit_log;", "DROP SCHEMA reporting CASCADE;"})
        void dropTable(String sql) {
            assertThat(rules("CREATE TABLE new_one (id int);\n" + sql)).containsExactly(GuardRule.DROP_TABLE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ALTER TABLE users RENAME TO customers;", "ALTER TABLE users RENAME COLUMN nickname TO alias;",
                "ALTER TABLE users RENAME nickname TO alias;"})
        void rename(String sql) {
            assertThat(rules(sql)).containsExactly(GuardRule.RENAME);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ALTER TABLE users ALTER COLUMN nickname TYPE varchar(20);",
                "ALTER TABLE users ALTER nickname SET DATA TYPE char(10);",
                "ALTER TABLE users ALTER COLUMN score TYPE smallint;",
                "ALTER TABLE users ALTER COLUMN price TYPE numeric(8,2);",
                "ALTER TABLE users ALTER COLUMN status TYPE integer USING status::integer;",
                "ALTER TABLE users ALTER COLUMN unknown_column TYPE text;"})
        void typeChangesThatAreNotProvenWidening(String sql) {
            assertThat(rules(sql)).containsExactly(GuardRule.ALTER_TYPE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ALTER TABLE users ADD COLUMN phone text NOT NULL;",
                "ALTER TABLE users ADD phone text CONSTRAINT phone_nn NOT NULL;",
                "ALTER TABLE users ADD COLUMN IF NOT EXISTS ref uuid PRIMARY KEY;",
                "ALTER TABLE users ALTER COLUMN nickname SET NOT NULL;",
                "ALTER TABLE users ADD COLUMN phone text, ALTER COLUMN phone SET NOT NULL;"})
        void notNullWithoutDefaultOnAnExistingTable(String sql) {
            assertThat(rules(sql)).containsExactly(GuardRule.NOT_NULL_WITHOUT_DEFAULT);
        }

        @Test
        void insideADoBlock() {
            assertThat(rules("""
                    DO $$
                    BEGIN
                      IF EXISTS (SELECT 1) THEN
                        ALTER TABLE users DROP COLUMN nickname;
                      END IF;
                    END $$;
                    """)).containsExactly(GuardRule.DROP_COLUMN);
        }
    }

    @Nested
    class AdditiveChangesPass {

        @ParameterizedTest
        @ValueSource(strings = {
                "ALTER TABLE users ADD COLUMN phone text;",
                "ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true;",
                "ALTER TABLE users ADD COLUMN seq bigserial NOT NULL;",
                "ALTER TABLE users ADD COLUMN total bigint GENERATED ALWAYS AS (score * 2) STORED NOT NULL;",
                "ALTER TABLE users ALTER COLUMN nickname TYPE varchar(80);",
                "ALTER TABLE users ALTER COLUMN nickname TYPE text;",
                "ALTER TABLE users ALTER COLUMN score TYPE bigint;",
                "ALTER TABLE users ALTER COLUMN price TYPE numeric(12,2);",
                "ALTER TABLE users ALTER COLUMN score SET NOT NULL;",
                "ALTER TABLE users ALTER COLUMN nickname DROP NOT NULL;",
                "ALTER TABLE users DROP CONSTRAINT users_status_ck;",
                "ALTER TABLE users RENAME CONSTRAINT users_status_ck TO users_status_check;",
                "ALTER TABLE users ADD CONSTRAINT users_score_ck CHECK (score >= 0) NOT VALID;",
                "CREATE INDEX CONCURRENTLY users_nickname_idx ON users (nickname);",
                "DROP INDEX IF EXISTS users_nickname_idx;",
                "INSERT INTO audit_log (note) VALUES ('DROP TABLE users; ALTER TABLE users DROP COLUMN x');",
                "COMMENT ON COLUMN users.nickname IS 'rename me later';",
                "CREATE FUNCTION f() RETURNS trigger AS $fn$ BEGIN DROP TABLE IF EXISTS tmp_x; RETURN NEW; END $fn$ LANGUAGE plpgsql;"})
        void pass(String sql) {
            assertThat(rules(sql)).isEmpty();
        }

        @Test
        void aTableCreatedInTheSameFileMayBeShapedFreely() {
            assertThat(rules("""
                    CREATE TABLE bookings (id uuid PRIMARY KEY, ref varchar(20));
                    ALTER TABLE bookings ADD COLUMN customer_id uuid NOT NULL;
                    ALTER TABLE bookings ALTER COLUMN ref TYPE varchar(10);
                    ALTER TABLE bookings RENAME COLUMN ref TO reference;
                    ALTER TABLE bookings DROP COLUMN reference;
                    DROP TABLE bookings;
                    """)).isEmpty();
        }

        @Test
        void aDefaultSetEarlierMakesSetNotNullSafe() {
            assertThat(rules("""
                    ALTER TABLE users ALTER COLUMN nickname SET DEFAULT 'anonymous';
                    UPDATE users SET nickname = 'anonymous' WHERE nickname IS NULL;
                    ALTER TABLE users ALTER COLUMN nickname SET NOT NULL;
                    """)).isEmpty();
        }
    }

    @Nested
    class ExemptionMarkers {

        @Test
        void aReviewedMarkerAboveTheStatementAllowsItsRule() {
            assertThat(rules("""
                    -- Contract step: nickname unused since release 1.4 (expand in V1, backfill in 1.3).
                    -- migration-guard: allow DROP_COLUMN reason="contract step of #42" reviewed-by="jane.doe"
                    ALTER TABLE users DROP COLUMN nickname;
                    """)).isEmpty();
        }

        @Test
        void theMarkerCoversOnlyItsStatementAndItsRules() {
            assertThat(rules("""
                    -- migration-guard: allow DROP_COLUMN reason="contract step" reviewed-by="jane.doe"
                    ALTER TABLE users DROP COLUMN nickname, RENAME COLUMN score TO points;
                    ALTER TABLE users DROP COLUMN status;
                    """)).containsExactly(GuardRule.RENAME, GuardRule.DROP_COLUMN);
        }

        @Test
        void severalRulesMayBeListed() {
            assertThat(rules("""
                    -- migration-guard: allow DROP_COLUMN, RENAME reason="contract step" reviewed-by="jane.doe"
                    ALTER TABLE users DROP COLUMN nickname, RENAME COLUMN score TO points;
                    """)).isEmpty();
        }

        @Test
        void aFileWideMarkerAllowsEveryStatementOfTheFile() {
            assertThat(rules("""
                    -- migration-guard: allow-file DROP_TABLE reason="retire legacy audit" reviewed-by="ops.lead"
                    DROP TABLE audit_log;
                    ALTER TABLE users ADD COLUMN x int;
                    DROP TABLE IF EXISTS audit_log;
                    """)).isEmpty();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "-- migration-guard: allow DROP_COLUMN reviewed-by=\"jane.doe\"",
                "-- migration-guard: allow DROP_COLUMN reason=\"\" reviewed-by=\"jane.doe\"",
                "-- migration-guard: allow DROP_COLUMN reason=\"contract step\"",
                "-- migration-guard: allow DROP_COLUMNS reason=\"typo\" reviewed-by=\"jane.doe\"",
                "-- migration-guard: please let me reason=\"x\" reviewed-by=\"y\""})
        void anIncompleteOrUnknownMarkerIsItselfAViolationAndAllowsNothing(String marker) {
            assertThat(rules(marker + "\nALTER TABLE users DROP COLUMN nickname;"))
                    .containsExactlyInAnyOrder(GuardRule.EXEMPTION_MARKER, GuardRule.DROP_COLUMN);
        }

        @Test
        void aMarkerForAnotherRuleDoesNotHelp() {
            assertThat(rules("""
                    -- migration-guard: allow RENAME reason="x" reviewed-by="y"
                    ALTER TABLE users DROP COLUMN nickname;
                    """)).containsExactly(GuardRule.DROP_COLUMN);
        }
    }

    @Test
    void violationsNameTheFileLineAndStatement() {
        List<Violation> found = MigrationGuard.check(List.of(BASELINE, new MigrationFile("svc/V2__x.sql",
                "-- comment\n\nALTER TABLE users\n  DROP COLUMN nickname;\n")));

        assertThat(found).singleElement().satisfies(v -> {
            assertThat(v.file()).isEqualTo("svc/V2__x.sql");
            assertThat(v.line()).isEqualTo(3);
            assertThat(v.toString()).contains("svc/V2__x.sql:3 DROP_COLUMN", "ALTER TABLE users DROP COLUMN nickname");
        });
    }
}
