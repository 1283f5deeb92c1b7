package org.signoff.api.privacy;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.signoff.staff.api.StaffMemberErased;

/**
 * The last step of an erasure: the erased staff id, kept aside so that each read model could replace it in the
 * order of its events, is forgotten once every event processor's token is past the erasure. From then on nothing
 * the engine keeps leads from the pseudonym to the person; a replay reads them under their erased name.
 */
@Component
class ErasurePurge {

    private static final Logger log = LoggerFactory.getLogger(ErasurePurge.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    ErasurePurge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${approval.privacy.purge-interval:PT1S}")
    void purge() {
        try {
            for (String pseudonym : jdbc.sql("SELECT pseudonym FROM staff_pseudonym WHERE erased_staff_id IS NOT NULL")
                    .query(String.class)
                    .list()) {
                OptionalLong erasure = jdbc.sql(
                                "SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                                        + "AND payloadType = ?")
                        .params(pseudonym, StaffMemberErased.class.getName())
                        .query(Long.class)
                        .optional()
                        .map(OptionalLong::of)
                        .orElse(OptionalLong.empty());
                if (erasure.isPresent() && everyProcessorPast(erasure.getAsLong())) {
                    jdbc.sql("UPDATE staff_pseudonym SET erased_staff_id = NULL WHERE pseudonym = ?")
                            .param(pseudonym)
                            .update();
                }
            }
        } catch (DataAccessException e) {
            log.warn("Forgetting erased staff ids failed; the next round retries: {}", e.toString());
        }
    }

    /** Every token of every processor has handled the event at this global index (none is at an unknown place). */
    private boolean everyProcessorPast(long globalIndex) {
        List<byte[]> tokens = jdbc.sql("SELECT token FROM TokenEntry")
                .query((rs, n) -> rs.getBytes(1))
                .list();
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> past(token, globalIndex));
    }

    /**
     * A token as Axon's JDBC token store keeps it, JSON: a gap-aware token ({@code index}, {@code gaps}), or a replay
     * token around one ({@code currentToken}). Anything else is not known to be past.
     */
    static boolean past(byte[] token, long globalIndex) {
        if (token == null) {
            return false;
        }
        try {
            JsonNode node = JSON.readTree(token);
            while (node != null && node.has("currentToken")) {
                node = node.get("currentToken");
            }
            if (node == null || !node.has("index")) {
                return false;
            }
            for (JsonNode gap : node.path("gaps")) {
                if (gap.asLong() == globalIndex) {
                    return false;
                }
            }
            return node.get("index").asLong() >= globalIndex;
        } catch (IOException unreadable) {
            return false;
        }
    }
}
