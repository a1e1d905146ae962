package uk.co.lomashwood.order.checkout;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/**
 * Tax rule resolution of spec 20 §2.4.11: active, effective now, matching country; a category rule beats GENERAL;
 * no rule → 0. Only PERCENTAGE rules are applied per line (orders are GB-only, the seeded 20 % applies).
 */
@Repository
public class TaxRates {

    private final JdbcClient jdbc;
    private final Clock clock;

    public TaxRates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Rule(String category, boolean isDefault, BigDecimal rate) {
    }

    /** The VAT rate in percent for a product category (KITCHEN, BEDROOM) or SHIPPING. */
    public BigDecimal rateFor(String country, String category) {
        List<Rule> rules = jdbc.sql("""
                        SELECT category, is_default, rate_percent FROM tax_rates
                         WHERE is_active AND deleted_at IS NULL AND country = ? AND region IS NULL
                           AND rate_type = 'PERCENTAGE' AND effective_from <= ? AND (effective_to IS NULL OR effective_to > ?)
                         ORDER BY is_default DESC, effective_from DESC""")
                .params(country, Timestamp.from(clock.instant()), Timestamp.from(clock.instant()))
                .query((rs, n) -> new Rule(rs.getString("category"), rs.getBoolean("is_default"), rs.getBigDecimal("rate_percent")))
                .list();
        return rules.stream().filter(r -> r.category().equals(category)).findFirst()
                .or(() -> rules.stream().filter(r -> r.category().equals("GENERAL")).findFirst())
                .map(Rule::rate).orElse(BigDecimal.ZERO);
    }
}
