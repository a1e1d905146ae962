package uk.co.lomashwood.appointment.type;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.co.lomashwood.appointment.common.AppointmentType;

import java.util.List;
import java.util.Optional;

@Repository
public class AppointmentTypes {

    private static final String SELECT = """
            SELECT type, title, description, duration_minutes, lead_time_hours, is_active, sort_order, image_url
            FROM appointment_types""";

    private final JdbcClient jdbc;

    public AppointmentTypes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AppointmentTypeView> list(boolean includeInactive) {
        return jdbc.sql(SELECT + (includeInactive ? "" : " WHERE is_active") + " ORDER BY sort_order, type")
                .query(AppointmentTypes::map).list();
    }

    public Optional<AppointmentTypeView> find(AppointmentType type) {
        return jdbc.sql(SELECT + " WHERE type = ?").param(type.name()).query(AppointmentTypes::map).optional();
    }

    private static AppointmentTypeView map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        AppointmentType type = AppointmentType.valueOf(rs.getString("type"));
        return new AppointmentTypeView(type, rs.getString("title"), rs.getString("description"),
                rs.getInt("duration_minutes"), rs.getInt("lead_time_hours"), type == AppointmentType.HOME_MEASUREMENT,
                type == AppointmentType.SHOWROOM, rs.getBoolean("is_active"), rs.getInt("sort_order"),
                rs.getString("image_url"));
    }
}
