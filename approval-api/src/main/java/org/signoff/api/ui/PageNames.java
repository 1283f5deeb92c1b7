package org.signoff.api.ui;

import java.util.Map;

/**
 * The names a page shows people under, read once per page: a display name, or the id a person is kept under when
 * they have none (an erased person's {@code erased-…}).
 */
public record PageNames(Map<String, String> names) {

    public PageNames {
        names = Map.copyOf(names);
    }

    /** The person's name; an empty text for nobody. */
    public String of(String staffId) {
        return staffId == null ? "" : names.getOrDefault(staffId, staffId);
    }
}
