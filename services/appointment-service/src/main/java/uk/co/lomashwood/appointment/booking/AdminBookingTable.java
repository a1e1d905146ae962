package uk.co.lomashwood.appointment.booking;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.co.lomashwood.appointment.common.Sql;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.page.SortOrder;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The FR5.7 table: filtered, sorted and paged in SQL. */
@Repository
public class AdminBookingTable {

    static final Map<String, String> SORTABLE = Map.of("scheduledAt", "b.starts_at", "createdAt", "b.created_at",
            "customerName", "b.customer_name", "status", "b.status", "referenceCode", "b.reference_code");
    static final Set<String> SORT_FIELDS = SORTABLE.keySet();

    private static final String WHERE = """
             WHERE b.deleted_at IS NULL
               AND (CAST(:noStatus AS boolean) OR b.status IN (:statuses))
               AND (CAST(:type AS text) IS NULL OR b.appointment_type = :type)
               AND (CAST(:kitchen AS boolean) IS NULL OR b.for_kitchen = :kitchen)
               AND (CAST(:bedroom AS boolean) IS NULL OR b.for_bedroom = :bedroom)
               AND (CAST(:consultantId AS uuid) IS NULL OR b.consultant_id = :consultantId)
               AND (CAST(:showroomId AS uuid) IS NULL OR b.showroom_id = :showroomId)
               AND (CAST(:from AS timestamptz) IS NULL OR b.starts_at >= :from)
               AND (CAST(:to AS timestamptz) IS NULL OR b.starts_at < :to)
               AND (CAST(:createdFrom AS timestamptz) IS NULL OR b.created_at >= :createdFrom)
               AND (CAST(:createdTo AS timestamptz) IS NULL OR b.created_at < :createdTo)
               AND (CAST(:attention AS boolean) IS NULL
                    OR (b.status = 'PENDING' AND b.created_at < CAST(:attentionBefore AS timestamptz)) = :attention)
               AND (CAST(:search AS text) IS NULL OR b.reference_code ILIKE :like OR b.customer_name ILIKE :like
                    OR b.customer_email::text ILIKE :like OR b.customer_phone ILIKE :like
                    OR b.customer_postcode ILIKE :like)""";

    private final JdbcClient jdbc;
    private final Clock clock;

    public AdminBookingTable(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public OffsetPage<BookingDetails> page(AdminFilter filter, SortOrder sort, PageRequest page) {
        long total = bind(jdbc.sql("SELECT count(*) FROM bookings b " + WHERE), filter).query(Long.class).single();
        List<BookingDetails> items = bind(jdbc.sql(BookingQueries.FROM + WHERE + orderBy(sort) + " LIMIT :limit OFFSET :offset"),
                filter).param("limit", page.limit()).param("offset", page.offset()).query(BookingQueries::map).list();
        return new OffsetPage<>(items, page.page(), page.limit(), total);
    }

    public long count(AdminFilter filter) {
        return bind(jdbc.sql("SELECT count(*) FROM bookings b " + WHERE), filter).query(Long.class).single();
    }

    public List<BookingDetails> all(AdminFilter filter, SortOrder sort, int max) {
        return bind(jdbc.sql(BookingQueries.FROM + WHERE + orderBy(sort) + " LIMIT :limit"), filter)
                .param("limit", max).query(BookingQueries::map).list();
    }

    private static String orderBy(SortOrder sort) {
        return " ORDER BY " + sort.keys().stream()
                .map(k -> SORTABLE.get(k.field()) + (k.descending() ? " DESC" : " ASC"))
                .collect(Collectors.joining(", ")) + ", b.id";
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, AdminFilter f) {
        String like = Sql.contains(f.search());
        return spec.param("noStatus", f.statuses().isEmpty())
                .param("statuses", f.statuses().isEmpty() ? List.of("") : f.statuses())
                .param("type", f.type() == null ? null : f.type().name()).param("kitchen", f.forKitchen())
                .param("bedroom", f.forBedroom()).param("consultantId", f.consultantId())
                .param("showroomId", f.showroomId()).param("from", Sql.ts(f.from())).param("to", Sql.ts(f.to()))
                .param("createdFrom", Sql.ts(f.createdFrom())).param("createdTo", Sql.ts(f.createdTo()))
                .param("attention", f.needsAttention())
                .param("attentionBefore", Sql.ts(clock.instant().minus(Duration.ofHours(24))))
                .param("search", f.search()).param("like", like);
    }
}
