package uk.co.lomashwood.platform.core.page;

import java.util.List;

/** One page of an offset-paginated admin or history table (spec 00 §1.3). */
public record OffsetPage<T>(List<T> items, int page, int limit, long total) {

    public OffsetPage {
        items = List.copyOf(items);
    }

    /** ceil(total / limit), and 1 when there is nothing. */
    public int totalPages() {
        return total == 0 ? 1 : (int) ((total + limit - 1) / limit);
    }

    public boolean hasNextPage() {
        return page < totalPages();
    }

    public boolean hasPrevPage() {
        return page > 1;
    }
}
