package org.signoff.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code java -jar ledger-verifier.jar EXPORT.jsonl [--head=POSITION:HASH]}: checks an export of the ledger, with no
 * service and no database, and prints either that it is intact or the first broken link and why. With {@code --head}
 * (a head recorded earlier, e.g. from {@code GET /ledger/head}), it also finds a chain cut short or rewritten since.
 * An export of one institution's chain names the institution: an event in it that names another is a break.
 * Exits 0 when intact, 1 when broken, 2 when the export cannot be read. {@code -} reads the export from standard
 * input.
 */
public final class VerifyCommand {

    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int UNREADABLE = 2;

    private VerifyCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String file = null;
        ChainPoint recorded = null;
        try {
            for (String arg : args) {
                if (arg.startsWith("--head=")) {
                    recorded = ChainPoint.parse(arg.substring("--head=".length()));
                } else if (file == null && (!arg.startsWith("--") || arg.equals("-"))) {
                    file = arg;
                } else {
                    throw new IllegalArgumentException("unexpected argument " + arg);
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("which export?");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("usage: java -jar ledger-verifier.jar EXPORT.jsonl [--head=POSITION:HASH]   (- reads stdin)");
            return UNREADABLE;
        }
        try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file));
                LedgerFile.Reader export = new LedgerFile.Reader(in)) {
            return report(verify(export, recorded), out);
        } catch (NoSuchFileException e) {
            err.println("no such file: " + file);
            return UNREADABLE;
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return UNREADABLE;
        }
    }

    /** Checks a whole export. */
    public static Outcome verify(LedgerFile.Reader export, ChainPoint recorded) throws IOException {
        LedgerFile.Header header = export.header();
        ChainVerifier chain = new ChainVerifier(header.after(), recorded, header.institution(), null);
        long brokenAtLine = 0;
        for (LedgerEntry entry = export.next(); entry != null; entry = export.next()) {
            if (!chain.accept(entry)) {
                brokenAtLine = export.line();
                break;
            }
        }
        return new Outcome(header, chain.result(header.head()), brokenAtLine);
    }

    /** An export's header, what its check found, and the line of the first break (0 when none is on a line). */
    public record Outcome(LedgerFile.Header header, ChainVerifier.Verification verification, long brokenAtLine) {}

    private static String of(LedgerFile.Header header) {
        return header.institution() == null ? "" : " of institution " + header.institution();
    }

    private static int report(Outcome outcome, PrintStream out) {
        ChainVerifier.Verification result = outcome.verification();
        if (result.intact()) {
            out.println("INTACT: " + result.checked() + " events" + of(outcome.header()) + ", positions "
                    + (outcome.header().after().position() + 1) + " to "
                    + result.last().position() + ", head " + result.last());
            if (!result.recordedHeadChecked()) {
                out.println("(the recorded head lies outside this export's positions and was not checked)");
            }
            return INTACT;
        }
        ChainVerifier.Break at = result.firstBreak();
        StringBuilder where = new StringBuilder();
        if (outcome.brokenAtLine() > 0) {
            where.append(" at line ").append(outcome.brokenAtLine());
        }
        if (at.position() != null) {
            where.append(", position ").append(at.position());
        }
        if (at.globalIndex() != null) {
            where.append(", global index ").append(at.globalIndex());
        }
        if (at.eventIdentifier() != null) {
            where.append(", event ").append(at.eventIdentifier());
        }
        out.println("BROKEN" + where + ": " + at.reason());
        out.println("intact before it: " + result.checked() + " events, up to " + result.last());
        return BROKEN;
    }
}
