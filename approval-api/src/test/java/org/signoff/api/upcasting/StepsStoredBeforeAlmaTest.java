package org.signoff.api.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.ProductionRoleUpdated;
import org.signoff.ticket.api.SandboxAccessGranted;
import org.signoff.ticket.api.TicketId;

/**
 * Steps 3 and 6 stored before they could act in Alma (issue 31) have no {@code almaRolesAdded}: they read as today's
 * events with none, which the history shows as not applied through the engine. No revision, no upcaster: a new
 * nullable component whose absence means "nothing added in Alma".
 */
class StepsStoredBeforeAlmaTest {

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules())
            .build();

    @Test
    void aSandboxGrantStoredBeforeAlmaReadsWithNoRolesAdded() {
        Object event = read(SandboxAccessGranted.class, """
                {"ticketId":"t-1","trainingMaterials":["https://wiki.example/training"],"performedBy":"lib-1"}""");

        assertThat(event)
                .isEqualTo(new SandboxAccessGranted(
                        TicketId.of("t-1"), List.of("https://wiki.example/training"), StaffId.of("lib-1"), null));
    }

    @Test
    void aRoleUpdateStoredBeforeAlmaReadsWithNoRolesAdded() {
        Object event = read(ProductionRoleUpdated.class, """
                {"ticketId":"t-1","note":"role added","performedBy":"sam-1"}""");

        assertThat(event)
                .isEqualTo(new ProductionRoleUpdated(TicketId.of("t-1"), "role added", StaffId.of("sam-1"), null));
    }

    private Object read(Class<?> type, String payload) {
        return serializer.deserialize(new SimpleSerializedObject<>(
                payload.getBytes(StandardCharsets.UTF_8), byte[].class, type.getName(), null));
    }
}
