package org.signoff.api.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import org.signoff.ticket.api.SandboxTestReported;

/**
 * {@link SandboxTestReported} from revision 1 (stored without a revision) to 2: the job instance, record count and
 * outcome move into {@code evidence}, which gains {@code attachments} (none, for a test reported before there were
 * any).
 *
 * <pre>
 * {"ticketId":"…","jobInstanceRef":"job-88123","recordsProcessed":40,"outcome":"SUCCEEDED","notes":"…","performedBy":"amy"}
 * {"ticketId":"…","evidence":{"jobInstanceRef":"job-88123","recordsProcessed":40,"outcome":"SUCCEEDED","attachments":[]},
 *  "notes":"…","performedBy":"amy"}
 * </pre>
 */
public final class SandboxTestReportedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(SandboxTestReported.class.getName(), null);
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(SandboxTestReported.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, SandboxTestReportedUpcaster::toRevision2);
    }

    static JsonNode toRevision2(JsonNode revision1) {
        ObjectNode old = (ObjectNode) revision1;
        ObjectNode upcast = old.objectNode();
        upcast.set("ticketId", old.get("ticketId"));
        ObjectNode evidence = upcast.putObject("evidence");
        evidence.set("jobInstanceRef", old.get("jobInstanceRef"));
        evidence.set("recordsProcessed", old.get("recordsProcessed"));
        evidence.set("outcome", old.get("outcome"));
        evidence.putArray("attachments");
        upcast.set("notes", old.get("notes"));
        upcast.set("performedBy", old.get("performedBy"));
        return upcast;
    }
}
