package uk.co.lomashwood.notification.history;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.notification.admin.HistoryFilter;
import uk.co.lomashwood.notification.dispatch.NotificationQueries;
import uk.co.lomashwood.notification.dispatch.NotificationRow;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code GET /v1/notifications/me}: the caller's own message history, without bodies or internal rows. */
@RestController
@RequireRole({Role.CUSTOMER, Role.CONSULTANT, Role.ADMIN, Role.SUPER_ADMIN})
public class MyNotificationsController {

    public record Item(UUID id, String channel, String category, String subject, String status, Instant sentAt,
                      String template, Instant createdAt) {
    }

    private final NotificationQueries queries;

    public MyNotificationsController(NotificationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/v1/notifications/me")
    public ApiResponse<List<Item>> mine(UserContext caller, @RequestParam(required = false) String channel,
                                        @RequestParam(required = false) String status,
                                        @RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer limit) {
        HistoryFilter filter = HistoryFilter.parse(channel, status, null, caller.requireUserId(), null, null, from, to,
                true);
        OffsetPage<NotificationRow> rows = queries.search(filter.toQuery(), PageRequest.of(page, limit));
        return ApiResponse.offset(new OffsetPage<>(rows.items().stream().map(MyNotificationsController::item).toList(),
                rows.page(), rows.limit(), rows.total()));
    }

    private static Item item(NotificationRow row) {
        String status = switch (row.status()) {
            case SCHEDULED, QUEUED, PROCESSING -> "PENDING";
            default -> row.status().name();
        };
        return new Item(row.id(), row.channel().name(), row.category(), row.subject(), status, row.sentAt(),
                row.templateSlug(), row.createdAt());
    }
}
