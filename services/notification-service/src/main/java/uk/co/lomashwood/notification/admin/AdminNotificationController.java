package uk.co.lomashwood.notification.admin;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.notification.channel.RecordingSink;
import uk.co.lomashwood.notification.dispatch.Dispatcher;
import uk.co.lomashwood.notification.dispatch.NotificationQueries;
import uk.co.lomashwood.notification.dispatch.NotificationStore;
import uk.co.lomashwood.notification.message.ChannelSender;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.security.RequireRole;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * {@code /v1/admin/notifications}: history with filters, one notification with its attempts and logs, a retry
 * with a fresh attempt budget, and the local SMS/push recording sink.
 */
@RestController
@RequestMapping("/v1/admin/notifications")
@RequireRole(Role.ADMIN)
public class AdminNotificationController {

    private final NotificationQueries queries;
    private final NotificationStore store;
    private final Dispatcher dispatcher;
    private final List<ChannelSender> senders;

    public AdminNotificationController(NotificationQueries queries, NotificationStore store, Dispatcher dispatcher,
                                       List<ChannelSender> senders) {
        this.queries = queries;
        this.store = store;
        this.dispatcher = dispatcher;
        this.senders = senders;
    }

    @GetMapping
    public ApiResponse<List<NotificationView.Summary>> list(
            @RequestParam(required = false) String channel, @RequestParam(required = false) String status,
            @RequestParam(required = false) String category, @RequestParam(required = false) UUID recipientId,
            @RequestParam(required = false) String recipient, @RequestParam(required = false) String templateSlug,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer limit) {
        HistoryFilter filter = HistoryFilter.parse(channel, status, category, recipientId, recipient, templateSlug,
                from, to, false);
        OffsetPage<NotificationView.Summary> result = map(queries.search(filter.toQuery(), PageRequest.of(page, limit)));
        return ApiResponse.offset(result);
    }

    @GetMapping("/{id}")
    public ApiResponse<NotificationView.Detail> detail(@PathVariable UUID id) {
        return ApiResponse.of(store.find(id).map(row -> NotificationView.detail(row, queries))
                .orElseThrow(() -> new ApiException(ErrorCode.NOTIFICATION_NOT_FOUND, "No such notification")));
    }

    @PostMapping("/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ApiResponse<NotificationView.Summary> retry(@PathVariable UUID id) {
        store.find(id).orElseThrow(() -> new ApiException(ErrorCode.NOTIFICATION_NOT_FOUND, "No such notification"));
        if (!store.requeue(id)) {
            throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION,
                    "Only FAILED or DEAD_LETTERED notifications can be retried");
        }
        dispatcher.submit(id);
        return ApiResponse.of(NotificationView.summary(store.find(id).orElseThrow()));
    }

    /** What the local SMS and push sinks recorded, newest first (empty when real providers are configured). */
    @GetMapping("/sink")
    public ApiResponse<List<RecordingSink.Recorded>> sink(@RequestParam(required = false) String channel) {
        return ApiResponse.list(senders.stream()
                .filter(RecordingSink.class::isInstance).map(RecordingSink.class::cast)
                .filter(sink -> channel == null || sink.channel().name().equalsIgnoreCase(channel))
                .flatMap(sink -> sink.recorded().stream())
                .sorted(Comparator.comparing(RecordingSink.Recorded::at).reversed())
                .toList());
    }

    static OffsetPage<NotificationView.Summary> map(OffsetPage<uk.co.lomashwood.notification.dispatch.NotificationRow> page) {
        return new OffsetPage<>(page.items().stream().map(NotificationView::summary).toList(), page.page(),
                page.limit(), page.total());
    }
}
