package org.signoff.ledger;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The export: JSON Lines in UTF-8. The first line says what the export is, the institution whose chain it is and the
 * chain head it was taken at:
 *
 * <pre>
 * {"ledger":"approval-engine-ledger/1","institution":"01BLC_BU","head":{"position":120,"hash":"…"},
 *  "after":{"position":40,"hash":"…"},"from":"2026-03-01T00:00:00Z","to":null}
 * </pre>
 *
 * ({@code after} is the entry before the first one exported, {@link ChainPoint#START} for a full export;
 * {@code institution} is absent from an export taken before the ledger had a chain per institution), then one
 * event a line, in the store's global order, with its stored columns, its payload and metadata as their stored JSON
 * text (their stored UTF-8 bytes, escaped), and its seal:
 *
 * <pre>
 * {"position":41,"globalIndex":43,"eventIdentifier":"…","aggregateType":"SignOffTicket","aggregateIdentifier":"…",
 *  "sequenceNumber":2,"timestamp":"2026-03-01T09:12:00.123Z","payloadType":"org.signoff.ticket.api.SandboxAccessGranted",
 *  "payloadRevision":null,"payload":"{\"ticketId\":…}","metaData":"{\"client\":…}","hash":"…"}
 * </pre>
 */
public final class LedgerFile {

    public static final String FORMAT = "approval-engine-ledger/1";

    private static final JsonFactory JSON = new JsonFactory();

    private LedgerFile() {}

    /**
     * What an export covers.
     *
     * @param institution the institution whose chain it is, or {@code null} in an export from before there was a chain
     *     per institution (the store's one chain, now its default institution's)
     * @param head the chain's head when the export was taken
     * @param after the entry before the first exported
     * @param from the earliest event time asked for, or {@code null}
     * @param to the first event time not asked for, or {@code null}
     */
    public record Header(String institution, ChainPoint head, ChainPoint after, String from, String to) {}

    /** A line that is not what the format says, with its number (from 1). */
    public static final class Malformed extends IOException {

        public Malformed(long line, String problem) {
            super("line " + line + ": " + problem);
        }
    }

    /** Writes an export to a stream; the caller closes the stream. */
    public static final class Writer implements Closeable {

        private final JsonGenerator json;

        public Writer(OutputStream out) throws IOException {
            json = JSON.createGenerator(out, JsonEncoding.UTF8);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setRootValueSeparator(null); // each line ends with a newline, and starts with nothing
        }

        public void header(Header header) throws IOException {
            json.writeStartObject();
            json.writeStringField("ledger", FORMAT);
            if (header.institution() != null) {
                json.writeStringField("institution", header.institution());
            }
            point("head", header.head());
            point("after", header.after());
            json.writeStringField("from", header.from());
            json.writeStringField("to", header.to());
            json.writeEndObject();
            json.writeRaw('\n');
        }

        public void entry(LedgerEntry entry) throws IOException {
            json.writeStartObject();
            if (entry.position() == null) {
                json.writeNullField("position");
            } else {
                json.writeNumberField("position", entry.position());
            }
            json.writeNumberField("globalIndex", entry.globalIndex());
            json.writeStringField("eventIdentifier", entry.eventIdentifier());
            json.writeStringField("aggregateType", entry.aggregateType());
            json.writeStringField("aggregateIdentifier", entry.aggregateIdentifier());
            json.writeNumberField("sequenceNumber", entry.sequenceNumber());
            json.writeStringField("timestamp", entry.timestamp());
            json.writeStringField("payloadType", entry.payloadType());
            json.writeStringField("payloadRevision", entry.payloadRevision());
            utf8("payload", entry.payload());
            utf8("metaData", entry.metaData());
            json.writeStringField("hash", entry.hash());
            json.writeEndObject();
            json.writeRaw('\n');
        }

        /** Stored UTF-8 JSON as a JSON string, escaped straight from its bytes. */
        private void utf8(String name, byte[] value) throws IOException {
            json.writeFieldName(name);
            if (value == null) {
                json.writeNull();
            } else {
                json.writeUTF8String(value, 0, value.length);
            }
        }

        private void point(String name, ChainPoint point) throws IOException {
            json.writeObjectFieldStart(name);
            json.writeNumberField("position", point.position());
            json.writeStringField("hash", point.hash());
            json.writeEndObject();
        }

        @Override
        public void close() throws IOException {
            json.close();
        }
    }

    /** Reads an export line by line, never the whole of it at once. */
    public static final class Reader implements Closeable {

        private final BufferedReader lines;
        private long line;

        public Reader(InputStream in) {
            lines = new BufferedReader(
                    new InputStreamReader(
                            in,
                            StandardCharsets.UTF_8
                                    .newDecoder()
                                    .onMalformedInput(CodingErrorAction.REPORT)
                                    .onUnmappableCharacter(CodingErrorAction.REPORT)),
                    64 * 1024);
        }

        /** The number of the line read last. */
        public long line() {
            return line;
        }

        public Header header() throws IOException {
            Map<String, Object> fields = object(nextLine());
            if (fields == null) {
                throw new Malformed(1, "the file is empty: an export starts with its header");
            }
            if (!FORMAT.equals(fields.get("ledger"))) {
                throw new Malformed(line, "not an export of this ledger (no \"ledger\":\"" + FORMAT + "\")");
            }
            return new Header(
                    text(fields, "institution"),
                    point(fields, "head"),
                    point(fields, "after"),
                    text(fields, "from"),
                    text(fields, "to"));
        }

        /** The next entry, or {@code null} at the end. */
        public LedgerEntry next() throws IOException {
            Map<String, Object> fields = object(nextLine());
            if (fields == null) {
                return null;
            }
            return new LedgerEntry(
                    fields.get("position") == null ? null : number(fields, "position"),
                    number(fields, "globalIndex"),
                    required(fields, "eventIdentifier"),
                    text(fields, "aggregateType"),
                    required(fields, "aggregateIdentifier"),
                    number(fields, "sequenceNumber"),
                    required(fields, "timestamp"),
                    required(fields, "payloadType"),
                    text(fields, "payloadRevision"),
                    bytes(required(fields, "payload")),
                    bytes(text(fields, "metaData")),
                    text(fields, "hash"));
        }

        private String nextLine() throws IOException {
            try {
                String text;
                do {
                    text = lines.readLine();
                    line++;
                } while (text != null && text.isBlank());
                return text;
            } catch (CharacterCodingException e) {
                throw new Malformed(line + 1, "not UTF-8");
            }
        }

        private Map<String, Object> object(String text) throws IOException {
            if (text == null) {
                return null;
            }
            Map<String, Object> fields = new HashMap<>();
            try (JsonParser json = JSON.createParser(text)) {
                expect(json.nextToken() == JsonToken.START_OBJECT, "a line must be one JSON object");
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName();
                    JsonToken value = json.nextToken();
                    switch (value) {
                        case VALUE_STRING -> fields.put(name, json.getText());
                        case VALUE_NUMBER_INT -> fields.put(name, json.getLongValue());
                        case VALUE_NULL -> fields.put(name, null);
                        case START_OBJECT -> fields.put(name, nested(json));
                        default ->
                            throw new Malformed(line, "\"" + name + "\" is neither text, a whole number nor null");
                    }
                }
                expect(json.currentToken() == JsonToken.END_OBJECT && json.nextToken() == null, "one object a line");
            } catch (JsonProcessingException e) {
                throw new Malformed(line, "not JSON: " + e.getOriginalMessage());
            }
            return fields;
        }

        private Map<String, Object> nested(JsonParser json) throws IOException {
            Map<String, Object> fields = new HashMap<>();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                fields.put(
                        name,
                        value == JsonToken.VALUE_NUMBER_INT
                                ? (Object) json.getLongValue()
                                : value == JsonToken.VALUE_NULL ? null : json.getText());
            }
            return fields;
        }

        private ChainPoint point(Map<String, Object> fields, String name) throws Malformed {
            if (!(fields.get(name) instanceof Map<?, ?> point)
                    || !(point.get("position") instanceof Long position)
                    || !(point.get("hash") instanceof String hash)) {
                throw new Malformed(line, "\"" + name + "\" must be {\"position\":…,\"hash\":\"…\"}");
            }
            try {
                return new ChainPoint(position, hash);
            } catch (IllegalArgumentException e) {
                throw new Malformed(line, "\"" + name + "\": " + e.getMessage());
            }
        }

        private static byte[] bytes(String text) {
            return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        }

        private long number(Map<String, Object> fields, String name) throws Malformed {
            if (!(fields.get(name) instanceof Long value)) {
                throw new Malformed(line, "\"" + name + "\" must be a whole number");
            }
            return value;
        }

        private String required(Map<String, Object> fields, String name) throws Malformed {
            String value = text(fields, name);
            if (value == null) {
                throw new Malformed(line, "\"" + name + "\" is missing");
            }
            return value;
        }

        private String text(Map<String, Object> fields, String name) throws Malformed {
            Object value = fields.get(name);
            if (value != null && !(value instanceof String)) {
                throw new Malformed(line, "\"" + name + "\" must be text");
            }
            return (String) value;
        }

        private void expect(boolean condition, String problem) throws Malformed {
            if (!condition) {
                throw new Malformed(line, problem);
            }
        }

        @Override
        public void close() throws IOException {
            lines.close();
        }
    }
}
