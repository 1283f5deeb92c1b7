package org.signoff.api.privacy;

import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.signoff.api.lookup.LookupConfiguration;
import org.signoff.staff.api.StaffMemberErased;
import org.signoff.storage.PersonalData;

/**
 * An erasure, on the command side, in the erasure's own transaction: the directory, the people's own API keys and
 * the remembered answers to repeated requests keep the person only under the name they show as from now on. (The
 * display name and the pseudonym's link are gone already: {@link PersonalDataStore}.)
 */
@Component
@ProcessingGroup(LookupConfiguration.PROCESSING_GROUP)
class ErasedPeople {

    private final JdbcClient jdbc;

    ErasedPeople(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StaffMemberErased event) {
        PersonalData.erasedStaffId(jdbc, event).ifPresent(staffId -> {
            PersonalData.replace(jdbc, staffId, event.erasedAs(), "lookup_staff", List.of("staff_id"), List.of());
            PersonalData.replace(jdbc, staffId, event.erasedAs(), "lookup_ticket_slot", List.of("staff_id"), List.of());
            PersonalData.replace(jdbc, staffId, event.erasedAs(), "lookup_attendance", List.of("staff_id"), List.of());
            PersonalData.replace(jdbc, staffId, event.erasedAs(), "lookup_api_client", List.of("staff_id"), List.of());
            PersonalData.replace(jdbc, staffId, event.erasedAs(), "idempotency_key", List.of(), List.of("result"));
        });
    }
}
