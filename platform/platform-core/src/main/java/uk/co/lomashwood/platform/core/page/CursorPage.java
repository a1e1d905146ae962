package uk.co.lomashwood.platform.core.page;

import java.util.List;

/**
 * One page of a keyset-paginated list (spec 00 §1.3). {@code total} is only filled on the first
 * page, when the endpoint offers it.
 */
public record CursorPage<T>(List<T> items, String nextCursor, int limit, Long total) {

    public CursorPage {
        items = List.copyOf(items);
    }

    public boolean hasNextPage() {
        return nextCursor != null;
    }

    /**
     * Builds a page from {@code limit + 1} fetched rows: the extra row only proves there is a next
     * page, and the cursor is made from the last row that is returned.
     */
    public static <T> CursorPage<T> fromOverfetch(List<T> rows, int limit, java.util.function.Function<T, String> cursorOf,
                                                  Long total) {
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null, limit, total);
        }
        List<T> page = rows.subList(0, limit);
        return new CursorPage<>(page, cursorOf.apply(page.get(limit - 1)), limit, total);
    }
}
