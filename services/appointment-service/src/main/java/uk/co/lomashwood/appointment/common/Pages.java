package uk.co.lomashwood.appointment.common;

import uk.co.lomashwood.platform.core.page.OffsetPage;

import java.util.function.Function;

/** Offset pages of rows turned into pages of views. */
public final class Pages {

    private Pages() {
    }

    public static <T, R> OffsetPage<R> map(OffsetPage<T> page, Function<T, R> view) {
        return new OffsetPage<>(page.items().stream().map(view).toList(), page.page(), page.limit(), page.total());
    }
}
