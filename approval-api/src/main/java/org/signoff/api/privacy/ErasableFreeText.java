package org.signoff.api.privacy;

import java.io.IOException;
import java.lang.reflect.RecordComponent;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;

import org.signoff.common.FreeText;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.TicketId;

/**
 * How the event store holds {@link FreeText}: as {@code {"text": ref}}, the text itself in {@link PersonalTexts}
 * with its author (the event's {@code performedBy}), the person it is about (the event's {@code staffId}, or the
 * ticket's requester) and the ticket. Read back, a reference gives the text or {@code [erased]}; a plain string was
 * stored before, and reads as it is.
 */
public final class ErasableFreeText extends SimpleModule {

    private final PersonalTexts texts;

    public ErasableFreeText(PersonalTexts texts) {
        super("erasable-free-text");
        this.texts = texts;
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        JsonSerializer<String> writer = new JsonSerializer<>() {
            @Override
            public void serialize(String text, JsonGenerator json, SerializerProvider provider) throws IOException {
                Object event = json.getOutputContext().getCurrentValue();
                TicketId ticket = component(event, "ticketId", TicketId.class);
                String ref = texts.store(
                        text,
                        component(event, "performedBy", StaffId.class),
                        component(event, "staffId", StaffId.class),
                        ticket == null ? null : ticket.value());
                json.writeStartObject();
                json.writeStringField("text", ref);
                json.writeEndObject();
            }
        };
        JsonDeserializer<String> reader = new JsonDeserializer<>() {
            @Override
            public String deserialize(JsonParser json, DeserializationContext context) throws IOException {
                if (json.currentToken() == JsonToken.START_OBJECT) {
                    JsonNode reference = json.readValueAsTree();
                    return texts.read(reference.path("text").asText());
                }
                return json.getValueAsString();
            }
        };
        context.insertAnnotationIntrospector(new NopAnnotationIntrospector() {
            @Override
            public Object findSerializer(Annotated member) {
                return member.hasAnnotation(FreeText.class) ? writer : null;
            }

            @Override
            public Object findDeserializer(Annotated member) {
                return member.hasAnnotation(FreeText.class) ? reader : null;
            }
        });
    }

    /** A record component of the event, if it has one of that name and type. */
    private static <T> T component(Object event, String name, Class<T> type) {
        if (event == null || !event.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getName().equals(name) && component.getType() == type) {
                try {
                    return type.cast(component.getAccessor().invoke(event));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + name + " of " + event.getClass(), e);
                }
            }
        }
        return null;
    }
}
