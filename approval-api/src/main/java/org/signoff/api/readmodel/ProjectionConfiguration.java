package org.signoff.api.readmodel;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.ApprovalProperties;
import org.signoff.projections.catalog.CatalogProjection;
import org.signoff.projections.masterlist.MasterListProjection;
import org.signoff.projections.staff.StaffProjection;
import org.signoff.projections.ticket.TicketProjection;

/**
 * The read models, each in its own tracking processor (Axon's default), tokens in the same database; each made by
 * its {@link ReadModel} definition, which can also make a second one over other tables (a rebuild).
 */
@Configuration(proxyBeanMethods = false)
class ProjectionConfiguration {

    /**
     * A ticket's history shows each event's data as JSON, people by their staff id: not the event store's mapper,
     * which writes pseudonyms.
     */
    private static final ObjectMapper HISTORY_JSON = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    static final ReadModel<CatalogProjection> CATALOG = new ReadModel<>(
            CatalogProjection.PROCESSING_GROUP,
            CatalogProjection.TABLES,
            CatalogProjection.SHAPE,
            CatalogProjection::new);
    static final ReadModel<StaffProjection> STAFF = new ReadModel<>(
            StaffProjection.PROCESSING_GROUP, StaffProjection.TABLES, StaffProjection.SHAPE, StaffProjection::new);
    static final ReadModel<TicketProjection> TICKETS = new ReadModel<>(
            TicketProjection.PROCESSING_GROUP,
            TicketProjection.TABLES,
            TicketProjection.SHAPE,
            jdbc -> new TicketProjection(jdbc, HISTORY_JSON));
    static final ReadModel<MasterListProjection> MASTER_LIST = new ReadModel<>(
            MasterListProjection.PROCESSING_GROUP,
            MasterListProjection.TABLES,
            MasterListProjection.SHAPE,
            MasterListProjection::new);

    @Bean
    List<ReadModel<?>> rebuildableReadModels() {
        return List.of(TICKETS, MASTER_LIST, CATALOG, STAFF);
    }

    /**
     * The engine's migrations and the read models', each in a history of its own; then the store's default
     * institution recorded, or checked against the configured one.
     */
    @Bean
    FlywayMigrationStrategy schemaMigrations(ApprovalProperties properties) {
        return flyway -> {
            new SchemaMigrations().migrate(flyway);
            DefaultInstitutionOfTheStore.recordOrCheck(
                    flyway.getConfiguration().getDataSource(),
                    properties.institution().defaultInstitution());
        };
    }

    @Bean
    CatalogProjection catalogProjection(JdbcClient jdbc) {
        return CATALOG.projection(jdbc);
    }

    @Bean
    StaffProjection staffProjection(JdbcClient jdbc) {
        return STAFF.projection(jdbc);
    }

    @Bean
    TicketProjection ticketProjection(JdbcClient jdbc) {
        return TICKETS.projection(jdbc);
    }

    @Bean
    MasterListProjection masterListProjection(JdbcClient jdbc) {
        return MASTER_LIST.projection(jdbc);
    }
}
