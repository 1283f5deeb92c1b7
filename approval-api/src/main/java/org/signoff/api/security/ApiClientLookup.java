package org.signoff.api.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.signoff.api.ApprovalProperties;
import org.signoff.api.lookup.LookupConfiguration;
import org.signoff.client.api.ApiClientRegistered;
import org.signoff.client.api.ApiClientRevoked;
import org.signoff.client.api.ClientId;
import org.signoff.client.api.Operation;
import org.signoff.common.InstitutionCode;
import org.signoff.common.InstitutionScope;
import org.signoff.common.MessageMetaData;
import org.signoff.staff.api.StaffId;
import org.signoff.storage.Columns;

/** Table {@code lookup_api_client}: each client, what it may do, for whom, and whether it was revoked. */
@Component
@ProcessingGroup(LookupConfiguration.PROCESSING_GROUP)
public class ApiClientLookup {

    private final JdbcClient jdbc;
    private final InstitutionCode defaultInstitution;

    ApiClientLookup(JdbcClient jdbc, ApprovalProperties properties) {
        this.jdbc = jdbc;
        this.defaultInstitution = properties.institution().defaultInstitution();
    }

    /** A client as the edge sees it. */
    public record Client(
            ClientId clientId,
            String name,
            StaffId staffId,
            Set<Operation> operations,
            boolean actsForAnyone,
            Set<String> actsForUnits,
            boolean revoked,
            InstitutionCode institution) {}

    public Optional<Client> find(ClientId clientId) {
        return jdbc.sql("SELECT * FROM lookup_api_client WHERE client_id = ?")
                .param(clientId.value())
                .query(this::client)
                .optional();
    }

    /** At most {@code limit} clients by id, after {@code afterClientId} (null: from the start). */
    public List<Client> list(InstitutionScope within, String afterClientId, int limit) {
        return jdbc.sql("SELECT * FROM lookup_api_client WHERE " + InstitutionScope.keysOf("client_id")
                        + " AND (CAST(? AS VARCHAR(100)) IS NULL OR client_id > ?) "
                        + "ORDER BY client_id FETCH FIRST ? ROWS ONLY")
                .params(within.keysLike(), within.keysNotLike(), afterClientId, afterClientId, limit)
                .query(this::client)
                .list();
    }

    public boolean none() {
        return jdbc.sql("SELECT COUNT(*) FROM lookup_api_client")
                        .query(Long.class)
                        .single()
                == 0;
    }

    @EventHandler
    void on(ApiClientRegistered event, @MetaDataValue(MessageMetaData.INSTITUTION) String institution) {
        jdbc.sql("INSERT INTO lookup_api_client (client_id, name, staff_id, operations, acts_for_anyone, "
                        + "acts_for_units, revoked, institution) VALUES (?, ?, ?, ?, ?, ?, FALSE, ?)")
                .params(
                        event.clientId().value(),
                        event.name(),
                        event.staffId() == null ? null : event.staffId().value(),
                        Columns.names(event.operations().stream()
                                .map(Operation::value)
                                .toList()),
                        event.actsForAnyone(),
                        Columns.names(event.actsForUnits()),
                        institution)
                .update();
    }

    @EventHandler
    void on(ApiClientRevoked event) {
        jdbc.sql("UPDATE lookup_api_client SET revoked = TRUE WHERE client_id = ?")
                .param(event.clientId().value())
                .update();
    }

    private Client client(ResultSet rs, int row) throws SQLException {
        String institution = rs.getString("institution");
        String staffId = rs.getString("staff_id");
        return new Client(
                ClientId.of(rs.getString("client_id")),
                rs.getString("name"),
                staffId == null ? null : StaffId.of(staffId),
                // in one order on every node (a HashSet of enums or Set.copyOf iterates in an order of each JVM's own)
                Columns.names(rs.getString("operations")).stream()
                        .map(Operation::of)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Operation.class))),
                rs.getBoolean("acts_for_anyone"),
                new TreeSet<>(Columns.names(rs.getString("acts_for_units"))),
                rs.getBoolean("revoked"),
                institution == null ? defaultInstitution : InstitutionCode.of(institution));
    }
}
