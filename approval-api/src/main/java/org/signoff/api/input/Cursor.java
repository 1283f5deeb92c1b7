package org.signoff.api.input;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Where a page ended, opaque to clients: the sort key of its last item. One this service did not give is a 400. */
public record Cursor(String key) {

    public static Cursor of(String key) {
        return new Cursor(key);
    }

    /** Read by Spring from {@code after=}. */
    public static Cursor valueOf(String encoded) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("An empty cursor");
            }
            return new Cursor(key);
        } catch (IllegalArgumentException notOurs) {
            throw new IllegalArgumentException("Not a cursor of this list: follow the Link header's next", notOurs);
        }
    }

    public String encoded() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }
}
