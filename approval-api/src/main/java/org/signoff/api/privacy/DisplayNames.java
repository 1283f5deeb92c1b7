package org.signoff.api.privacy;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The names people show under where a person reads them (the dashboard page): their display name from table
 * {@code personal_data}, read at the time asked so an erasure counts at once. An erased person shows under the name
 * kept for them ({@code erased-…}), also while a read model still holds their staff id (it replaces it in the order of
 * its events); someone else without a display name under the id they are kept as.
 */
@Component
public class DisplayNames {

    private final JdbcClient jdbc;

    DisplayNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each id's name, in one read; ids without a display name map to themselves. */
    public Map<String, String> of(Collection<String> staffIds) {
        List<String> ids = staffIds.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, String> names = new HashMap<>();
        ids.forEach(id -> names.put(id, id));
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT staff_id, display_name FROM personal_data WHERE staff_id IN (:ids)")
                    .param("ids", ids)
                    .query(rs -> {
                        names.put(rs.getString("staff_id"), rs.getString("display_name"));
                    });
            jdbc.sql("SELECT erased_staff_id, pseudonym FROM staff_pseudonym WHERE erased_staff_id IN (:ids)")
                    .param("ids", ids)
                    .query(rs -> {
                        names.put(
                                rs.getString("erased_staff_id"),
                                Pseudonyms.erased(rs.getString("pseudonym")).value());
                    });
        }
        return names;
    }
}
