package org.signoff.api.input;

import java.util.List;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Lists in pages: at most {@code limit} items in a stable order, and while a page is full, the next one named in a
 * {@code Link: <…>; rel="next"} header whose {@code after=} is an opaque cursor: the sort key of the page's last item.
 */
public final class Pages {

    /** The page size when none is asked, and the most a page may hold. */
    public static final String DEFAULT_LIMIT = "500";

    public static final int MAX_LIMIT = 1000;

    private Pages() {}

    public static <T> ResponseEntity<List<T>> of(List<T> items, int limit, Function<T, String> sortKey) {
        if (items.size() < limit) {
            return ResponseEntity.ok(items);
        }
        String next = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam(
                        "after",
                        Cursor.of(sortKey.apply(items.get(items.size() - 1))).encoded())
                .build()
                .toUriString();
        return ResponseEntity.ok()
                .header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"")
                .body(items);
    }
}
