package uk.co.lomashwood.notification.unsubscribe;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.platform.web.response.ApiResponse;

/**
 * {@code /v1/notifications/unsubscribe} (public): GET shows what a link would do, POST does it; POST accepts
 * the RFC 8058 one-click form ({@code List-Unsubscribe=One-Click}) with the token in the query.
 */
@RestController
@RequestMapping("/v1/notifications/unsubscribe")
public class UnsubscribeController {

    private final Unsubscribing unsubscribing;

    public UnsubscribeController(Unsubscribing unsubscribing) {
        this.unsubscribing = unsubscribing;
    }

    @GetMapping
    public ApiResponse<Unsubscribing.Status> inspect(@RequestParam(required = false) String token) {
        return ApiResponse.of(unsubscribing.inspect(token));
    }

    @PostMapping
    public ApiResponse<Unsubscribing.Done> confirm(@RequestParam(required = false) String token,
                                                   @RequestParam(required = false) String scope) {
        return ApiResponse.of(unsubscribing.confirm(token, "ALL".equalsIgnoreCase(scope)));
    }
}
