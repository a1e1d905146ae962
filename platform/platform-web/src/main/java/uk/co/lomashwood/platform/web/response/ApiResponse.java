package uk.co.lomashwood.platform.web.response;

import com.fasterxml.jackson.annotation.JsonInclude;
import uk.co.lomashwood.platform.core.page.CursorPage;
import uk.co.lomashwood.platform.core.page.OffsetPage;

import java.util.List;
import java.util.Map;

/**
 * The success envelope of spec 00 §1.2: the payload is always under {@code data}; lists add
 * {@code pagination}; optional {@code meta} sits beside {@code data}, never inside it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(T data, Object pagination, Map<String, Object> meta) {

    public static <T> ApiResponse<T> of(T data) {
        return new ApiResponse<>(data, null, null);
    }

    /** A bounded collection (≤ 100 items, never paged). */
    public static <T> ApiResponse<List<T>> list(List<T> items) {
        return new ApiResponse<>(items, null, null);
    }

    public static <T> ApiResponse<List<T>> cursor(CursorPage<T> page) {
        Map<String, Object> meta = page.total() == null ? null : Map.of("total", page.total());
        return new ApiResponse<>(page.items(), new CursorPagination(page.nextCursor(), page.hasNextPage(), page.limit()), meta);
    }

    public static <T> ApiResponse<List<T>> offset(OffsetPage<T> page) {
        return new ApiResponse<>(page.items(), new OffsetPagination(page.page(), page.limit(), page.total(),
                page.totalPages(), page.hasNextPage(), page.hasPrevPage()), null);
    }

    public record CursorPagination(String nextCursor, boolean hasNextPage, int limit) {
    }

    public record OffsetPagination(int page, int limit, long total, int totalPages, boolean hasNextPage, boolean hasPrevPage) {
    }
}
