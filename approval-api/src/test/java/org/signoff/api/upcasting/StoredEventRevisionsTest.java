package org.signoff.api.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.JobAccessRequested;
import org.signoff.ticket.api.SandboxTestReported;
import org.signoff.ticket.api.TestEvidence;
import org.signoff.ticket.api.TestOutcome;
import org.signoff.ticket.api.TicketId;

/** Events stored by earlier versions (fixtures in {@code stored-events/}) read as today's classes. */
class StoredEventRevisionsTest {

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules())
            .build();

    private final EventUpcasterChain upcasters = new EventUpcasterChain(new SandboxTestReportedUpcaster());

    @Test
    void aSandboxTestReportOfRevision1ReadsWithItsEvidenceTogetherAndNoAttachments() throws IOException {
        Object event = read(SandboxTestReported.class.getName(), null, "SandboxTestReported-revision-1.json");

        assertThat(event)
                .isEqualTo(new SandboxTestReported(
                        TicketId.of("01a20a03-1227-71c7-a1f4-f32c06289d32"),
                        new TestEvidence("job-88123", 40, TestOutcome.SUCCEEDED, List.of()),
                        "40 items moved to the new location",
                        StaffId.of("amy-1417-1")));
    }

    @Test
    void aSandboxTestReportOfRevision2IsReadAsItIs() {
        SandboxTestReported today = new SandboxTestReported(
                TicketId.of("t-1"),
                new TestEvidence(
                        "job-1", 3, TestOutcome.FAILED, List.of(java.net.URI.create("https://alma.example/r/1"))),
                null,
                StaffId.of("amy"));
        byte[] stored = serializer.serialize(today, byte[].class).getData();

        assertThat(read(SandboxTestReported.class.getName(), "2", stored)).isEqualTo(today);
    }

    @Test
    void aRequestStoredBeforeTrainingWasRecordedReadsAsOneThatRestsOnNoClass() throws IOException {
        Object event = read(JobAccessRequested.class.getName(), null, "JobAccessRequested-before-training.json");

        assertThat(event)
                .isEqualTo(new JobAccessRequested(
                        TicketId.of("01a24d40-e910-70e2-8629-17b490b6b698"),
                        "LTS-1",
                        null,
                        StaffId.of("~2bd2084cd6ad50d3ffd1"), // the pseudonym it was stored under
                        List.of()));
    }

    private Object read(String type, String revision, String fixture) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/stored-events/" + fixture)) {
            return read(type, revision, in.readAllBytes());
        }
    }

    /** As the event store reads a stored row: through the upcaster chain, then the serializer. */
    private Object read(String type, String revision, byte[] payload) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(
                "SignOffTicket", "ticket-1", 4, "event-1", Instant.now(), type, revision, payload, "{}".getBytes());
        List<IntermediateEventRepresentation> upcast = upcasters
                .upcast(java.util.stream.Stream.of(new InitialEventRepresentation(stored, serializer)))
                .toList();
        assertThat(upcast).hasSize(1);
        return serializer.deserialize(upcast.get(0).getData());
    }
}
