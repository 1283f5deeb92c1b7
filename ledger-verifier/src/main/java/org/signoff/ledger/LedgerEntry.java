package org.signoff.ledger;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * One stored event as the ledger sees it: the columns of the event store as they are stored, the payload and metadata
 * as their stored bytes (UTF-8 JSON), and its seal (its place in the chain and its hash), or none when it has not been sealed.
 *
 * @param position the event's place in the chain, from 1; {@code null} when unsealed
 * @param aggregateType {@code null} for an event of no aggregate
 * @param timestamp as stored (ISO-8601)
 * @param payloadRevision {@code null} for an event class without a revision
 * @param metaData {@code null} when none was stored
 * @param hash the seal, lower-case hex SHA-256; {@code null} when unsealed
 */
public record LedgerEntry(
        Long position,
        long globalIndex,
        String eventIdentifier,
        String aggregateType,
        String aggregateIdentifier,
        long sequenceNumber,
        String timestamp,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        byte[] metaData,
        String hash) {

    /** The metadata key naming the institution an event is of (the service's {@code MessageMetaData.INSTITUTION}). */
    public static final String INSTITUTION = "institution";

    private static final JsonFactory JSON = new JsonFactory();

    public boolean sealed() {
        return position != null && hash != null;
    }

    /**
     * The institution the event's metadata names, or {@code null} when it names none (an event written before
     * institutions, of the store's default institution) or the metadata is not a JSON object.
     */
    public String institution() {
        if (metaData == null) {
            return null;
        }
        try (JsonParser json = JSON.createParser(metaData)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (name.equals(INSTITUTION)) {
                    return value == JsonToken.VALUE_STRING ? json.getText() : null;
                }
                json.skipChildren();
            }
            return null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** This event sealed at {@code position} after an entry whose hash is {@code previous}. */
    public LedgerEntry sealedAt(long position, String previous) {
        LedgerEntry placed = withSeal(position, null);
        return placed.withSeal(position, ChainHash.link(previous, placed));
    }

    private LedgerEntry withSeal(Long position, String hash) {
        return new LedgerEntry(
                position,
                globalIndex,
                eventIdentifier,
                aggregateType,
                aggregateIdentifier,
                sequenceNumber,
                timestamp,
                payloadType,
                payloadRevision,
                payload,
                metaData,
                hash);
    }
}
