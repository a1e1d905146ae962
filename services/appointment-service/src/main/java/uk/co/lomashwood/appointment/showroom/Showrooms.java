package uk.co.lomashwood.appointment.showroom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.appointment.common.Sql;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
public class Showrooms {

    private static final String COLUMNS = """
            id, name, slug, address, city, postcode, country, email, phone, latitude, longitude, map_link, image_url,
            gallery_urls, opening_hours::text AS opening_hours, timezone, capacity, is_active""";
    private static final TypeReference<Map<String, OpeningHours.Day>> DAYS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public Showrooms(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Showroom> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM showrooms WHERE id = ? AND deleted_at IS NULL")
                .param(id).query(this::map).optional();
    }

    public Optional<Showroom> findByIdOrSlug(String idOrSlug) {
        UUID id = parseUuid(idOrSlug);
        return id != null ? find(id) : jdbc.sql("SELECT " + COLUMNS + " FROM showrooms WHERE slug = ? AND deleted_at IS NULL")
                .param(idOrSlug).query(this::map).optional();
    }

    /** Locks the row so that SHOWROOM capacity checks run one at a time. */
    public void lock(UUID id) {
        jdbc.sql("SELECT id FROM showrooms WHERE id = ? FOR UPDATE").param(id).query(UUID.class).optional();
    }

    public OffsetPage<Showroom> list(String search, String city, boolean includeInactive, PageRequest page) {
        String where = " WHERE deleted_at IS NULL" + (includeInactive ? "" : " AND is_active")
                + " AND (CAST(:search AS text) IS NULL OR name ILIKE :like OR city ILIKE :like OR postcode ILIKE :like)"
                + " AND (CAST(:city AS text) IS NULL OR city ILIKE :city)";
        String like = Sql.contains(search);
        long total = jdbc.sql("SELECT count(*) FROM showrooms" + where).param("search", search).param("like", like)
                .param("city", city).query(Long.class).single();
        List<Showroom> items = jdbc.sql("SELECT " + COLUMNS + " FROM showrooms" + where
                        + " ORDER BY name, id LIMIT :limit OFFSET :offset")
                .param("search", search).param("like", like).param("city", city)
                .param("limit", page.limit()).param("offset", page.offset()).query(this::map).list();
        return new OffsetPage<>(items, page.page(), page.limit(), total);
    }

    public List<LocalDate> closures(UUID showroomId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT date FROM showroom_closures WHERE showroom_id = ? AND date BETWEEN ? AND ? ORDER BY date")
                .params(showroomId, from, to).query(LocalDate.class).list();
    }

    public List<ShowroomView.Closure> upcomingClosures(UUID showroomId, LocalDate from) {
        return jdbc.sql("SELECT date, reason FROM showroom_closures WHERE showroom_id = ? AND date >= ? ORDER BY date")
                .params(showroomId, from)
                .query((rs, n) -> new ShowroomView.Closure(Sql.date(rs, "date"), rs.getString("reason"))).list();
    }

    public void insert(Showroom s) {
        jdbc.sql("""
                        INSERT INTO showrooms (id, name, slug, address, city, postcode, country, email, phone, latitude,
                            longitude, map_link, image_url, gallery_urls, opening_hours, timezone, capacity, is_active)
                        VALUES (:id, :name, :slug, :address, :city, :postcode, :country, :email, :phone, :lat, :lng,
                            :mapLink, :imageUrl, :gallery, CAST(:hours AS jsonb), :timezone, :capacity, :active)""")
                .param("id", s.id()).param("name", s.name()).param("slug", s.slug()).param("address", s.address())
                .param("city", s.city()).param("postcode", s.postcode()).param("country", s.country())
                .param("email", s.email()).param("phone", s.phone()).param("lat", s.latitude())
                .param("lng", s.longitude()).param("mapLink", s.mapLink()).param("imageUrl", s.imageUrl())
                .param("gallery", s.galleryUrls().toArray(String[]::new))
                .param("hours", json.writeValueAsString(s.openingHours().days())).param("timezone", s.timezone())
                .param("capacity", s.capacity()).param("active", s.isActive()).update();
    }

    public void update(Showroom s) {
        jdbc.sql("""
                        UPDATE showrooms SET name = :name, address = :address, city = :city, postcode = :postcode,
                            email = :email, phone = :phone, map_link = :mapLink, image_url = :imageUrl, gallery_urls = :gallery,
                            opening_hours = CAST(:hours AS jsonb), capacity = :capacity, is_active = :active, updated_at = now()
                        WHERE id = :id""")
                .param("id", s.id()).param("name", s.name()).param("address", s.address()).param("city", s.city())
                .param("postcode", s.postcode()).param("email", s.email()).param("phone", s.phone())
                .param("mapLink", s.mapLink()).param("imageUrl", s.imageUrl())
                .param("gallery", s.galleryUrls().toArray(String[]::new))
                .param("hours", json.writeValueAsString(s.openingHours().days())).param("capacity", s.capacity())
                .param("active", s.isActive()).update();
    }

    public void softDelete(UUID id) {
        jdbc.sql("UPDATE showrooms SET deleted_at = now(), is_active = false, updated_at = now() WHERE id = ?").param(id).update();
    }

    public long futureActiveBookings(UUID id, java.time.Instant now) {
        return jdbc.sql("""
                        SELECT count(*) FROM bookings WHERE showroom_id = ? AND status IN ('PENDING', 'CONFIRMED')
                          AND deleted_at IS NULL AND starts_at > ?""")
                .params(id, Sql.ts(now)).query(Long.class).single();
    }

    public boolean removeClosure(UUID showroomId, LocalDate date) {
        return jdbc.sql("DELETE FROM showroom_closures WHERE showroom_id = ? AND date = ?").params(showroomId, date).update() == 1;
    }

    public boolean addClosure(UUID showroomId, LocalDate date, String reason) {
        return jdbc.sql("""
                        INSERT INTO showroom_closures (id, showroom_id, date, reason) VALUES (?, ?, ?, ?)
                        ON CONFLICT (showroom_id, date) DO NOTHING""")
                .params(UUID.randomUUID(), showroomId, date, reason).update() == 1;
    }

    public boolean slugTaken(String slug) {
        return jdbc.sql("SELECT count(*) FROM showrooms WHERE slug = ? AND deleted_at IS NULL").param(slug)
                .query(Long.class).single() > 0;
    }

    private Showroom map(ResultSet rs, int row) throws SQLException {
        Array gallery = rs.getArray("gallery_urls");
        return new Showroom(Sql.uuid(rs, "id"), rs.getString("name"), rs.getString("slug"), rs.getString("address"),
                rs.getString("city"), rs.getString("postcode"), rs.getString("country"), rs.getString("email"),
                rs.getString("phone"), (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                rs.getString("map_link"), rs.getString("image_url"),
                gallery == null ? List.of() : Arrays.asList((String[]) gallery.getArray()),
                new OpeningHours(json.readValue(rs.getString("opening_hours"), DAYS)), rs.getString("timezone"),
                rs.getInt("capacity"), rs.getBoolean("is_active"));
    }

    static UUID parseUuid(String value) {
        try {
            return value != null && value.length() == 36 ? UUID.fromString(value) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
