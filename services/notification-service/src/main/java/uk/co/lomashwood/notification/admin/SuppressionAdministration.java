package uk.co.lomashwood.notification.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.notification.gate.Addresses;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.PreferenceTopic;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.id.Uuids;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The suppression list for admins (spec 40 §1.3 "Admin — suppressions"): filtered reads (an address is matched by its
 * hash, never stored in clear), MANUAL entries, and lifting one — a COMPLAINT only by a SUPER_ADMIN.
 */
@Component
public class SuppressionAdministration {

    public record Suppression(UUID id, String channel, String addressMasked, String topic, String reason, String source,
                              Instant expiresAt, Instant createdAt) {
    }

    public record NewSuppression(@NotNull Channel channel, @NotBlank @Size(max = 320) String address, PreferenceTopic topic,
                                 @NotBlank @Size(max = 30) String reason, Instant expiresAt) {
    }

    private static final String COLUMNS = "id, channel, address_masked, topic, reason, source, expires_at, created_at";
    private static final java.util.regex.Pattern E164 = java.util.regex.Pattern.compile("^\\+[1-9]\\d{7,14}$");
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private static final org.springframework.jdbc.core.RowMapper<Suppression> MAPPER = (rs, n) -> new Suppression(
            rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
            rs.getTimestamp(8).toInstant());

    private final JdbcClient jdbc;
    private final Clock clock;

    public SuppressionAdministration(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public OffsetPage<Suppression> list(Channel channel, String reason, String address, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (channel != null) {
            where.append(" AND channel = ?");
            params.add(channel.name());
        }
        if (reason != null) {
            where.append(" AND reason = ?");
            params.add(reason.toUpperCase(Locale.ROOT));
        }
        if (address != null) {
            where.append(" AND address_hash = ?");
            params.add(Addresses.hash(address));
        }
        long total = jdbc.sql("SELECT count(*) FROM notification_suppressions" + where).params(params)
                .query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(page.limit());
        paged.add(page.offset());
        List<Suppression> items = jdbc.sql("SELECT " + COLUMNS + " FROM notification_suppressions" + where
                        + " ORDER BY created_at DESC LIMIT ? OFFSET ?")
                .params(paged).query(MAPPER).list();
        return new OffsetPage<>(items, page.page(), page.limit(), total);
    }

    public Suppression add(NewSuppression request) {
        if (!"MANUAL".equals(request.reason())) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "reason must be MANUAL");
        }
        String address = request.address().trim();
        boolean valid = switch (request.channel()) {
            case EMAIL -> EMAIL.matcher(address).matches() && address.length() <= 254;
            case SMS -> E164.matcher(address).matches();
            case PUSH -> false;
        };
        if (!valid) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, request.channel() == Channel.PUSH
                    ? "push devices are not suppressed by address" : "address is not a valid " + request.channel());
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(clock.instant())) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "expiresAt must be in the future");
        }
        UUID id = Uuids.v7();
        int inserted = jdbc.sql("""
                        INSERT INTO notification_suppressions (id, channel, address_hash, address_masked, topic, reason,
                            source, expires_at)
                        VALUES (?, ?, ?, ?, ?, 'MANUAL', 'ADMIN', ?) ON CONFLICT DO NOTHING""")
                .params(id, request.channel().name(), Addresses.hash(address), Addresses.mask(address),
                        request.topic() == null ? null : request.topic().name(),
                        request.expiresAt() == null ? null : Timestamp.from(request.expiresAt()))
                .update();
        if (inserted == 0) {
            throw new ApiException(ErrorCode.SUPPRESSION_EXISTS, "This address is already suppressed for that topic.");
        }
        return find(id);
    }

    public void lift(UserContext caller, UUID id) {
        Suppression suppression = find(id);
        if ("COMPLAINT".equals(suppression.reason()) && caller.role() != Role.SUPER_ADMIN) {
            throw new ApiException(ErrorCode.SUPPRESSION_LOCKED, "Only a SUPER_ADMIN may lift a complaint.");
        }
        jdbc.sql("DELETE FROM notification_suppressions WHERE id = ?").param(id).update();
    }

    private Suppression find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_suppressions WHERE id = ?").param(id)
                .query(MAPPER).optional().orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such suppression."));
    }
}
