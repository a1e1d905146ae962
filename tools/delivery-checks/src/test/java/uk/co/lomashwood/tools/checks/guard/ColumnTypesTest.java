package uk.co.lomashwood.tools.checks.guard;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnTypesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "int2|int4|true", "integer|bigint|true", "int|int8|true", "bigint|integer|false",
            "varchar(40)|varchar(80)|true", "character varying(40)|text|true", "varchar(80)|varchar(40)|false",
            "text|varchar(255)|false", "text|character varying|true", "char(2)|varchar(2)|true",
            "numeric(10,2)|numeric(12,2)|true", "numeric(10,2)|numeric(10,3)|false", "numeric(10,2)|numeric|true",
            "decimal(10,2)|numeric(11,3)|true", "real|double precision|true", "double precision|real|false",
            "timestamp|timestamptz|false", "text|citext|false", "uuid|uuid|true", "text[]|varchar[]|true",
            "text[]|text|false"})
    void wideningIsRecognisedAndEverythingElseIsNot(String from, String to, boolean widening) {
        assertThat(ColumnTypes.isWidening(from, to)).isEqualTo(widening);
    }
}
