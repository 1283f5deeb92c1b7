package org.signoff.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An auditor checks an export with no service: every kind of change to the events after sealing is found. */
class ChainVerifierTest {

    @TempDir
    Path folder;

    private final List<LedgerEntry> chain = sealed(10);

    @Test
    void anUntouchedExportIsIntact() throws IOException {
        Checked checked = verify(chain, head(chain), null);

        assertThat(checked.exit()).isZero();
        assertThat(checked.out())
                .startsWith("INTACT: 10 events, positions 1 to 10, head 10:"
                        + chain.get(9).hash());
    }

    @Test
    void anEditedPayloadIsFoundAtItsLine() throws IOException {
        List<LedgerEntry> edited = replace(
                4, entry -> copy(entry, text(entry.payload()).replace("granted", "denied"), text(entry.metaData())));

        Checked checked = verify(edited, head(chain), null);

        assertThat(checked.exit()).isEqualTo(1);
        assertThat(checked.out())
                .startsWith(
                        "BROKEN at line 6, position 5, global index 7, event event-4: its content does not match its seal")
                .contains("intact before it: 4 events, up to 4:");
    }

    @Test
    void editedMetadataIsFound() throws IOException {
        List<LedgerEntry> edited =
                replace(2, entry -> copy(entry, text(entry.payload()), "{\"client\":\"someone-else\"}"));

        assertThat(verify(edited, head(chain), null).out()).startsWith("BROKEN at line 4, position 3");
    }

    @Test
    void aDeletedEventIsFound() throws IOException {
        List<LedgerEntry> deleted = new ArrayList<>(chain);
        deleted.remove(6);

        assertThat(verify(deleted, head(chain), null).out())
                .startsWith("BROKEN at line 8, position 8, global index 10, event event-7: position 7 is missing");
    }

    @Test
    void anEventInsertedAmongSealedOnesIsFound() throws IOException {
        List<LedgerEntry> inserted = new ArrayList<>(chain);
        LedgerEntry forged = chain.get(3);
        inserted.add(
                4,
                new LedgerEntry(
                        null,
                        forged.globalIndex() + 1,
                        "forged",
                        "SignOffTicket",
                        "ticket-1",
                        99,
                        forged.timestamp(),
                        forged.payloadType(),
                        null,
                        bytes("{\"outcome\":\"granted\"}"),
                        null,
                        null));

        assertThat(verify(inserted, head(chain), null).out())
                .startsWith("BROKEN at line 6, global index 7, event forged: the event at global index 7 has no seal");
    }

    @Test
    void reorderedEventsAreFound() throws IOException {
        List<LedgerEntry> reordered = new ArrayList<>(chain);
        reordered.set(3, chain.get(4));
        reordered.set(4, chain.get(3));

        assertThat(verify(reordered, head(chain), null).out()).startsWith("BROKEN at line 5, position 5");
    }

    @Test
    void swappedContentUnderUnchangedPositionsIsFound() throws IOException {
        List<LedgerEntry> swapped = new ArrayList<>(chain);
        swapped.set(
                3,
                copy(
                        chain.get(3),
                        text(chain.get(4).payload()),
                        text(chain.get(3).metaData())));

        assertThat(verify(swapped, head(chain), null).out()).startsWith("BROKEN at line 5, position 4");
    }

    @Test
    void theNewestEventsCutOffAreFoundAgainstTheHeadInTheExport() throws IOException {
        assertThat(verify(chain.subList(0, 8), head(chain), null).out())
                .startsWith("BROKEN: the run ends at position 8 but was taken at head 10");
    }

    @Test
    void aChainCutOffAndResealedIsFoundOnlyAgainstAHeadRecordedEarlier() throws IOException {
        List<LedgerEntry> cut = chain.subList(0, 8);

        assertThat(verify(cut, head(cut), null).exit()).isZero();
        assertThat(verify(cut, head(cut), head(chain)).out())
                .startsWith("BROKEN: the chain ends at position 8, before the head recorded earlier at position 10");
    }

    @Test
    void aChainRewrittenWholeIsFoundOnlyAgainstAHeadRecordedEarlier() throws IOException {
        List<LedgerEntry> rewritten = new ArrayList<>();
        String previous = ChainHash.GENESIS;
        for (LedgerEntry entry : chain) {
            LedgerEntry changed = copy(
                            entry, text(entry.payload()).replace("granted", "denied"), text(entry.metaData()))
                    .sealedAt(entry.position(), previous);
            rewritten.add(changed);
            previous = changed.hash();
        }

        assertThat(verify(rewritten, head(rewritten), null).exit()).isZero();
        assertThat(verify(rewritten, head(rewritten), head(chain)).out())
                .startsWith("BROKEN at line 11, position 10")
                .contains("is not the head recorded earlier");
    }

    @Test
    void aPartOfTheChainVerifiesFromTheEntryBeforeIt() throws IOException {
        LedgerEntry before = chain.get(3);
        Checked checked =
                verify(chain.subList(4, 10), head(chain), new ChainPoint(before.position(), before.hash()), null);

        assertThat(checked.out()).startsWith("INTACT: 6 events, positions 5 to 10");
    }

    @Test
    void aFileThatIsNotAnExportIsRefusedWithItsLine() throws IOException {
        Path bad = folder.resolve("bad.jsonl");
        Files.writeString(
                bad,
                exportText(chain, head(chain), ChainPoint.START)
                        .replaceFirst("\n\\{\"position\":2,", "\n{oops\n{\"position\":2,"));

        Checked checked = run(bad.toString());

        assertThat(checked.exit()).isEqualTo(2);
        assertThat(checked.err()).startsWith("cannot read " + bad + ": line 3: not JSON");
        assertThat(run(folder.resolve("missing.jsonl").toString()).err()).startsWith("no such file");
        assertThat(run("export.jsonl", "--head=12").err()).startsWith("Expected POSITION:HASH");
    }

    @Test
    void anEventOfAnotherInstitutionInAnInstitutionsExportIsFoundThoughItsSealHolds() throws IOException {
        // sealed into the chain with a hash recomputed over it: only the institution its metadata names tells
        List<LedgerEntry> ours = new ArrayList<>();
        String previous = ChainHash.GENESIS;
        for (LedgerEntry entry : chain) {
            String institution = entry.position() == 4 ? "01BLC_BC" : "01BLC_BU";
            LedgerEntry named = copy(
                            entry,
                            text(entry.payload()),
                            "{\"client\":\"ticketing\",\"institution\":\"" + institution + "\"}")
                    .sealedAt(entry.position(), previous);
            ours.add(named);
            previous = named.hash();
        }
        Path export = folder.resolve("01BLC_BU.jsonl");
        Files.writeString(export, exportText("01BLC_BU", ours, head(ours), ChainPoint.START));

        Checked checked = run(export.toString());

        assertThat(checked.exit()).isEqualTo(1);
        assertThat(checked.out())
                .startsWith("BROKEN at line 5, position 4")
                .contains("it is an event of institution 01BLC_BC, sealed in the chain of 01BLC_BU");
        Files.writeString(export, exportText(null, ours, head(ours), ChainPoint.START));
        assertThat(run(export.toString()).out())
                .as("an export naming no institution (taken before there were chains per institution) is not asked")
                .startsWith("INTACT: 10 events, positions 1 to 10");
    }

    // --- a small chain, and the command run on it

    private static List<LedgerEntry> sealed(int count) {
        List<LedgerEntry> entries = new ArrayList<>();
        String previous = ChainHash.GENESIS;
        for (int n : IntStream.range(0, count).toArray()) {
            LedgerEntry entry = new LedgerEntry(
                            null,
                            n + 3L,
                            "event-" + n,
                            "SignOffTicket",
                            "ticket-" + (n % 3),
                            n / 3,
                            "2026-03-01T09:00:0" + n + "Z",
                            "org.signoff.ticket.api.SandboxTestReported",
                            null,
                            bytes("{\"ticketId\":\"ticket-" + (n % 3) + "\",\"outcome\":\"granted\",\"n\":" + n + "}"),
                            bytes("{\"client\":\"ticketing\"}"),
                            null)
                    .sealedAt(n + 1L, previous);
            entries.add(entry);
            previous = entry.hash();
        }
        return entries;
    }

    private List<LedgerEntry> replace(int index, UnaryOperator<LedgerEntry> change) {
        List<LedgerEntry> changed = new ArrayList<>(chain);
        changed.set(index, change.apply(chain.get(index)));
        return changed;
    }

    private static LedgerEntry copy(LedgerEntry entry, String payload, String metaData) {
        return new LedgerEntry(
                entry.position(),
                entry.globalIndex(),
                entry.eventIdentifier(),
                entry.aggregateType(),
                entry.aggregateIdentifier(),
                entry.sequenceNumber(),
                entry.timestamp(),
                entry.payloadType(),
                entry.payloadRevision(),
                bytes(payload),
                bytes(metaData),
                entry.hash());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static ChainPoint head(List<LedgerEntry> entries) {
        LedgerEntry last = entries.get(entries.size() - 1);
        return new ChainPoint(last.position(), last.hash());
    }

    private Checked verify(List<LedgerEntry> entries, ChainPoint head, ChainPoint recorded) throws IOException {
        return verify(entries, head, ChainPoint.START, recorded);
    }

    private Checked verify(List<LedgerEntry> entries, ChainPoint head, ChainPoint after, ChainPoint recorded)
            throws IOException {
        Path export = folder.resolve("export.jsonl");
        Files.writeString(export, exportText(entries, head, after));
        return recorded == null ? run(export.toString()) : run(export.toString(), "--head=" + recorded);
    }

    private static String exportText(List<LedgerEntry> entries, ChainPoint head, ChainPoint after) throws IOException {
        return exportText(null, entries, head, after);
    }

    private static String exportText(String institution, List<LedgerEntry> entries, ChainPoint head, ChainPoint after)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (LedgerFile.Writer writer = new LedgerFile.Writer(bytes)) {
            writer.header(new LedgerFile.Header(institution, head, after, null, null));
            for (LedgerEntry entry : entries) {
                writer.entry(entry);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Checked run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Checked(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Checked(int exit, String out, String err) {}
}
