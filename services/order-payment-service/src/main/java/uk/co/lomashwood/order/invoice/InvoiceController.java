package uk.co.lomashwood.order.invoice;

import uk.co.lomashwood.order.guard.RateLimits;
import uk.co.lomashwood.order.guard.RateLimit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;
import uk.co.lomashwood.platform.web.storage.ObjectStorage;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code /v1/invoices}: customers read and download their own documents; ADMIN reads all and manages them. */
@RestController
public class InvoiceController {

    static final String ID = "/v1/invoices/{id:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";
    private static final Duration LINK_VALIDITY = Duration.ofSeconds(300);

    private final InvoiceAccess access;
    private final InvoiceAdministration admin;
    private final InvoiceDocuments documents;
    private final InvoiceHtml html;
    private final InvoiceStatistics statistics;
    private final ObjectStorage storage;
    private final RateLimits rateLimits;

    public InvoiceController(InvoiceAccess access, InvoiceAdministration admin, InvoiceDocuments documents,
                             InvoiceHtml html, InvoiceStatistics statistics, ObjectStorage storage,
                             RateLimits rateLimits) {
        this.access = access;
        this.admin = admin;
        this.documents = documents;
        this.html = html;
        this.statistics = statistics;
        this.storage = storage;
        this.rateLimits = rateLimits;
    }

    record Generate(@NotNull UUID orderId) {
    }

    record Send(@Email @Size(max = 255) String email) {
    }

    record VoidRequest(@NotBlank @Size(min = 3, max = 500) String reason) {
    }

    @GetMapping("/v1/invoices")
    @RequireRole(Role.ADMIN)
    public ApiResponse<List<InvoiceView>> list(@RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer limit,
                                               @RequestParam(required = false) String type,
                                               @RequestParam(required = false) String status,
                                               @RequestParam(required = false) UUID userId,
                                               @RequestParam(required = false) UUID orderId,
                                               @RequestParam(required = false) String invoiceNumber,
                                               @RequestParam(required = false) String fromDate,
                                               @RequestParam(required = false) String toDate,
                                               @RequestParam(required = false) BigDecimal minAmount,
                                               @RequestParam(required = false) BigDecimal maxAmount,
                                               @RequestParam(required = false) String sort) {
        InvoiceFilter filter = InvoiceFilter.of(type, status, userId, orderId, invoiceNumber, fromDate, toDate,
                QueryValues.pounds("minAmount", minAmount), QueryValues.pounds("maxAmount", maxAmount), sort);
        return ApiResponse.offset(admin.table(filter, PageRequest.of(page, limit)));
    }

    @GetMapping("/v1/invoices/statistics")
    @RequireRole(Role.ADMIN)
    public ApiResponse<Map<String, Object>> statistics(@RequestParam(required = false) String fromDate,
                                                       @RequestParam(required = false) String toDate,
                                                       @RequestParam(required = false) String groupBy) {
        return ApiResponse.of(statistics.of(fromDate, toDate, groupBy));
    }

    @GetMapping("/v1/invoices/order/{orderId}")
    public ApiResponse<List<InvoiceView>> ofOrder(@PathVariable UUID orderId, UserContext caller) {
        return ApiResponse.list(access.ofOrder(orderId, caller).stream().map(InvoiceView::of).toList());
    }

    @GetMapping("/v1/invoices/number/{invoiceNumber}")
    public ApiResponse<InvoiceView> byNumber(@PathVariable String invoiceNumber, UserContext caller) {
        return ApiResponse.of(InvoiceView.of(access.visibleByNumber(invoiceNumber, caller)));
    }

    @GetMapping(ID)
    public ApiResponse<InvoiceView> get(@PathVariable UUID id, UserContext caller) {
        return ApiResponse.of(InvoiceView.of(access.visible(id, caller)));
    }

    /** pdf: 302 to a 300 s presigned S3 URL, or the bytes from the local store; html: the document as a page. */
    @GetMapping(ID + "/download")
    public ResponseEntity<?> download(@PathVariable UUID id, @RequestParam(defaultValue = "pdf") String format,
                                      UserContext caller) {
        if (!format.equals("pdf") && !format.equals("html")) {
            throw ValidationException.of("format", "must be pdf or html");
        }
        Invoice invoice = access.visible(id, caller);
        if (invoice.isVoid()) {
            throw new ApiException(ErrorCode.INVOICE_VOIDED, "This invoice has been voided and cannot be downloaded.");
        }
        CacheControl noStore = CacheControl.noStore().cachePrivate();
        if (format.equals("html")) {
            return ResponseEntity.ok().cacheControl(noStore).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(html.render(invoice));
        }
        String key = documents.ensureRendered(invoice);
        var presigned = storage.presignedGetUrl(key, LINK_VALIDITY);
        if (presigned.isPresent()) {
            return ResponseEntity.status(HttpStatus.FOUND).cacheControl(noStore).location(URI.create(presigned.get())).build();
        }
        byte[] pdf = storage.get(key).orElseThrow(() -> new IllegalStateException("rendered PDF missing: " + key)).content();
        return ResponseEntity.ok().cacheControl(noStore).contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + invoice.invoiceNumber() + ".pdf\"")
                .body(pdf);
    }

    @PostMapping("/v1/invoices/generate")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<ApiResponse<InvoiceView>> generate(@Valid @RequestBody Generate request) {
        InvoiceIssuing.Issued issued = admin.generate(request.orderId());
        InvoiceView view = InvoiceView.of(access.visibleAsAdmin(issued.id()));
        return issued.created()
                ? ResponseEntity.created(URI.create("/v1/invoices/" + issued.id())).body(ApiResponse.of(view))
                : ResponseEntity.ok(ApiResponse.of(view));
    }

    @PostMapping(ID + "/send")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<ApiResponse<Map<String, Object>>> send(@PathVariable UUID id,
                                                                 @Valid @RequestBody(required = false) Send request,
                                                                 UserContext caller) {
        rateLimits.check(RateLimit.SEND_INVOICE, caller.requireUserId());
        Invoice invoice = admin.send(id, request == null ? null : request.email());
        return ResponseEntity.accepted().body(ApiResponse.of(Map.of("id", invoice.id(), "status", "QUEUED")));
    }

    @PostMapping(ID + "/void")
    @RequireRole(Role.SUPER_ADMIN)
    public ApiResponse<InvoiceView> voidInvoice(@PathVariable UUID id, @Valid @RequestBody VoidRequest request) {
        return ApiResponse.of(InvoiceView.of(admin.voidInvoice(id, request.reason())));
    }

    @PostMapping(ID + "/regenerate")
    @RequireRole(Role.SUPER_ADMIN)
    public ResponseEntity<ApiResponse<Map<String, Object>>> regenerate(@PathVariable UUID id) {
        access.visibleAsAdmin(id);
        Invoice rendered = documents.render(id);
        return ResponseEntity.accepted().body(ApiResponse.of(Map.of("id", rendered.id(), "status", "COMPLETED")));
    }
}
