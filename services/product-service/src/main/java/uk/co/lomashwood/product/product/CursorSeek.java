package uk.co.lomashwood.product.product;

import uk.co.lomashwood.platform.core.page.CursorCodec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A decoded cursor turned into the typed parameters of {@link ListingSort#seek()}. */
record CursorSeek(Map<String, Object> params) {

    static CursorSeek decode(ListingQuery query) {
        List<ListingSort.Key> keys = query.sort().keys();
        CursorCodec.Position position = CursorCodec.decode(query.cursor(), query.fingerprint(), keys.size());
        Map<String, Object> params = new LinkedHashMap<>();
        try {
            for (int i = 0; i < keys.size(); i++) {
                String value = position.sortValues().get(i);
                if (value == null) {
                    throw ListingQuery.invalidCursor();
                }
                params.put("k" + i, ListingSort.decode(keys.get(i).kind(), value));
            }
        } catch (IllegalArgumentException e) {
            throw ListingQuery.invalidCursor();
        }
        params.put("cid", position.id());
        return new CursorSeek(params);
    }

    static String encode(ListingQuery query, ProductQueries.Row last) {
        List<ListingSort.Key> keys = query.sort().keys();
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            values.add(ListingSort.encode(keys.get(i).kind(), last.sortValues().get(i)));
        }
        return CursorCodec.encode(query.fingerprint(), values, last.card().id());
    }
}
