package uk.co.lomashwood.order.checkout;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The delivery rates of spec 20 §2.4.11 (table shipping_methods). */
@Repository
public class DeliveryMethods {

    private final JdbcClient jdbc;

    public DeliveryMethods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DeliveryMethod> byId(UUID id) {
        return jdbc.sql("SELECT * FROM shipping_methods WHERE id = ? AND deleted_at IS NULL").param(id)
                .query(DeliveryMethods::map).optional();
    }

    public List<DeliveryMethod> all() {
        return jdbc.sql("SELECT * FROM shipping_methods WHERE deleted_at IS NULL ORDER BY sort_order, name")
                .query(DeliveryMethods::map).list();
    }

    /** The methods usable for this basket, in display order. */
    public List<DeliveryMethod> eligible(String country, Collection<String> categories, long subtotal) {
        return all().stream().filter(m -> m.eligible(country, categories, subtotal)).toList();
    }

    private static DeliveryMethod map(ResultSet rs, int row) throws SQLException {
        Set<String> countries = Arrays.stream((Object[]) rs.getArray("available_countries").getArray())
                .map(String::valueOf).collect(Collectors.toSet());
        return new DeliveryMethod(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                rs.getString("description"), rs.getLong("price"), rs.getInt("estimated_days_min"),
                rs.getInt("estimated_days_max"), (Long) rs.getObject("minimum_order_amount"),
                (Long) rs.getObject("maximum_order_amount"), (Long) rs.getObject("free_threshold"),
                rs.getBoolean("applies_to_kitchen"), rs.getBoolean("applies_to_bedroom"), countries,
                rs.getBoolean("is_active"));
    }
}
