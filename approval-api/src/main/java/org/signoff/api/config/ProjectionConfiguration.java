package org.signoff.api.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.projections.catalog.CatalogProjection;
import org.signoff.projections.masterlist.MasterListProjection;
import org.signoff.projections.staff.StaffProjection;
import org.signoff.projections.ticket.TicketProjection;

/** The read models, each in its own tracking processor (Axon's default), tokens in the same database. */
@Configuration(proxyBeanMethods = false)
class ProjectionConfiguration {

    @Bean
    CatalogProjection catalogProjection(JdbcClient jdbc) {
        return new CatalogProjection(jdbc);
    }

    @Bean
    StaffProjection staffProjection(JdbcClient jdbc) {
        return new StaffProjection(jdbc);
    }

    /**
     * A ticket's history shows each event's data as JSON, people by their staff id: not the event store's mapper,
     * which writes pseudonyms.
     */
    @Bean
    TicketProjection ticketProjection(JdbcClient jdbc) {
        return new TicketProjection(
                jdbc,
                new ObjectMapper()
                        .findAndRegisterModules()
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS));
    }

    @Bean
    MasterListProjection masterListProjection(JdbcClient jdbc) {
        return new MasterListProjection(jdbc);
    }
}
