package uk.co.lomashwood.appointment.consultant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.co.lomashwood.appointment.common.Specialisation;
import uk.co.lomashwood.appointment.common.Sql;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class Consultants {

    private static final String COLUMNS = """
            id, user_id, name, email, phone, bio, avatar_url, specialisation, showroom_id, coverage_areas,
            max_daily_bookings, is_active, is_available""";

    private final JdbcClient jdbc;

    public Consultants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Consultant> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consultants WHERE id = ? AND deleted_at IS NULL")
                .param(id).query(Consultants::map).optional();
    }

    public Optional<Consultant> findByUserId(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consultants WHERE user_id = ? AND deleted_at IS NULL")
                .param(userId).query(Consultants::map).optional();
    }

    public List<Consultant> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consultants WHERE deleted_at IS NULL AND is_active ORDER BY id")
                .query(Consultants::map).list();
    }

    public OffsetPage<Consultant> list(ConsultantFilter f, PageRequest page) {
        String where = """
                 WHERE deleted_at IS NULL
                   AND (CAST(:active AS boolean) IS NULL OR is_active = :active)
                   AND (CAST(:showroomId AS uuid) IS NULL OR showroom_id = :showroomId)
                   AND (CAST(:specialisation AS text) IS NULL OR specialisation = :specialisation)
                   AND (CAST(:search AS text) IS NULL OR name ILIKE '%' || :search || '%')""";
        var count = jdbc.sql("SELECT count(*) FROM consultants " + where);
        var select = jdbc.sql("SELECT " + COLUMNS + " FROM consultants " + where + " ORDER BY name, id LIMIT :limit OFFSET :offset");
        for (var spec : List.of(count, select)) {
            spec.param("active", f.isActive()).param("showroomId", f.showroomId())
                    .param("specialisation", f.specialisation() == null ? null : f.specialisation().name())
                    .param("search", f.search());
        }
        long total = count.query(Long.class).single();
        List<Consultant> items = select.param("limit", page.limit()).param("offset", page.offset())
                .query(Consultants::map).list();
        return new OffsetPage<>(items, page.page(), page.limit(), total);
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("SELECT count(*) FROM consultants WHERE email = ? AND deleted_at IS NULL").param(email)
                .query(Long.class).single() > 0;
    }

    public void insert(Consultant c) {
        jdbc.sql("""
                        INSERT INTO consultants (id, user_id, name, email, phone, bio, avatar_url, specialisation, showroom_id,
                            coverage_areas, max_daily_bookings, is_active, is_available)
                        VALUES (:id, :userId, :name, :email, :phone, :bio, :avatar, :spec, :showroomId, :areas, :max,
                            :active, :available)""")
                .param("id", c.id()).param("userId", c.userId()).param("name", c.name()).param("email", c.email())
                .param("phone", c.phone()).param("bio", c.bio()).param("avatar", c.avatarUrl())
                .param("spec", c.specialisation().name()).param("showroomId", c.showroomId())
                .param("areas", c.coverageAreas().toArray(String[]::new)).param("max", c.maxDailyBookings())
                .param("active", c.isActive()).param("available", c.isAvailable()).update();
    }

    public void update(Consultant c) {
        jdbc.sql("""
                        UPDATE consultants SET name = :name, email = :email, phone = :phone, bio = :bio, avatar_url = :avatar,
                            specialisation = :spec, showroom_id = :showroomId, coverage_areas = :areas,
                            max_daily_bookings = :max, updated_at = now()
                        WHERE id = :id""")
                .param("id", c.id()).param("name", c.name()).param("email", c.email()).param("phone", c.phone())
                .param("bio", c.bio()).param("avatar", c.avatarUrl()).param("spec", c.specialisation().name())
                .param("showroomId", c.showroomId()).param("areas", c.coverageAreas().toArray(String[]::new))
                .param("max", c.maxDailyBookings()).update();
    }

    static Consultant map(ResultSet rs, int row) throws SQLException {
        Array areas = rs.getArray("coverage_areas");
        return new Consultant(Sql.uuid(rs, "id"), Sql.uuid(rs, "user_id"), rs.getString("name"), rs.getString("email"),
                rs.getString("phone"), rs.getString("bio"), rs.getString("avatar_url"),
                Specialisation.valueOf(rs.getString("specialisation")), Sql.uuid(rs, "showroom_id"),
                areas == null ? List.of() : Arrays.asList((String[]) areas.getArray()), rs.getInt("max_daily_bookings"),
                rs.getBoolean("is_active"), rs.getBoolean("is_available"));
    }
}
