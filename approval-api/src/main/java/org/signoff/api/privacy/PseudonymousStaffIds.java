package org.signoff.api.privacy;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import org.signoff.staff.api.StaffId;

/**
 * How the event store holds people: every {@link StaffId} is written as the person's pseudonym and read back as
 * their staff id, or as {@code erased-…} once they were erased. A value that is no pseudonym was stored before
 * pseudonyms, and reads as the staff id it is.
 */
public final class PseudonymousStaffIds extends SimpleModule {

    public PseudonymousStaffIds(Pseudonyms pseudonyms) {
        super("pseudonymous-staff-ids");
        addSerializer(StaffId.class, new JsonSerializer<>() {
            @Override
            public void serialize(StaffId staffId, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeString(pseudonyms.of(staffId));
            }
        });
        addDeserializer(StaffId.class, new JsonDeserializer<>() {
            @Override
            public StaffId deserialize(JsonParser json, DeserializationContext context) throws IOException {
                String stored = json.getValueAsString();
                return Pseudonyms.isPseudonym(stored) ? pseudonyms.staffOf(stored) : StaffId.of(stored);
            }
        });
    }
}
