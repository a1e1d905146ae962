package uk.co.lomashwood.auth.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.page.SortOrder;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The signed-in user's own sessions (spec 10 §2.4). */
@RestController
@RequestMapping("/v1/auth/sessions")
public class SessionController {

    private static final int DEFAULT_LIMIT = 10;

    private final OwnSessions ownSessions;
    private final RefreshTokenTransport transport;
    private final Clock clock;

    public SessionController(OwnSessions ownSessions, RefreshTokenTransport transport, Clock clock) {
        this.ownSessions = ownSessions;
        this.transport = transport;
        this.clock = clock;
    }

    /** Optional body of the revoke calls. */
    public record RevokeRequest(@Size(min = 1, max = 500) String reason) {
    }

    public record RevokedCount(int revokedCount) {
    }

    @GetMapping
    public ApiResponse<List<SessionView>> list(UserContext caller,
                                               @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer limit,
                                               @RequestParam(required = false) String sort,
                                               @RequestParam(defaultValue = "false") boolean includeExpired) {
        PageRequest paging = PageRequest.of(page, limit == null ? DEFAULT_LIMIT : limit);
        SortOrder order = SortOrder.parse(sort, OwnSessions.SORTABLE);
        return ApiResponse.offset(ownSessions.list(caller, paging, order, includeExpired));
    }

    @GetMapping("/current")
    public ApiResponse<SessionView> current(UserContext caller) {
        return ApiResponse.of(ownSessions.current(caller));
    }

    @DeleteMapping("/{sessionId}")
    public ResponseEntity<Void> revoke(UserContext caller, @PathVariable UUID sessionId,
                                       @Valid @RequestBody(required = false) RevokeRequest body,
                                       HttpServletRequest request, HttpServletResponse response) {
        ownSessions.revoke(caller, sessionId, CurrentAccessToken.from(request, clock), ClientInfo.of(request));
        if (sessionId.equals(caller.sessionId())) {
            transport.clear(response);
        }
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping
    public ApiResponse<RevokedCount> revokeAll(UserContext caller,
                                               @RequestParam(defaultValue = "false") boolean includeCurrent,
                                               @Valid @RequestBody(required = false) RevokeRequest body,
                                               HttpServletRequest request, HttpServletResponse response) {
        int count = ownSessions.revokeAll(caller, includeCurrent, CurrentAccessToken.from(request, clock),
                ClientInfo.of(request));
        if (includeCurrent) {
            transport.clear(response);
        }
        return ApiResponse.of(new RevokedCount(count));
    }
}
