package uk.co.lomashwood.order.numbering;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Gap-free document numbers (spec 20 §2.4.2, §2.4.10): the per-year counter row is incremented under its row
 * lock inside the caller's business transaction, so a rolled-back order or invoice gives its number back.
 */
@Component
public class NumberSequences {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;
    private final Clock clock;

    public NumberSequences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** {@code LW-20260001}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String nextOrderNumber() {
        int year = LocalDate.now(clock.withZone(LONDON)).getYear();
        return "LW-" + year + pad(next(Scope.ORDER, year));
    }

    /** {@code INV-2026-0001}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String nextInvoiceNumber() {
        int year = LocalDate.now(clock.withZone(LONDON)).getYear();
        return "INV-" + year + "-" + pad(next(Scope.INVOICE, year));
    }

    /** {@code CN-2026-0001}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String nextCreditNoteNumber() {
        int year = LocalDate.now(clock.withZone(LONDON)).getYear();
        return "CN-" + year + "-" + pad(next(Scope.CREDIT_NOTE, year));
    }

    private int next(Scope scope, int year) {
        return jdbc.sql("""
                        INSERT INTO number_sequences (scope, year, last_value) VALUES (:scope, :year, 1)
                        ON CONFLICT (scope, year) DO UPDATE SET last_value = number_sequences.last_value + 1
                        RETURNING last_value""")
                .param("scope", scope.name()).param("year", year)
                .query(Integer.class).single();
    }

    private static String pad(int value) {
        return String.format("%04d", value);
    }

    private enum Scope { ORDER, INVOICE, CREDIT_NOTE }
}
