package org.signoff.api.ledger;

import java.io.OutputStream;
import java.time.Instant;

import org.springframework.stereotype.Component;

import org.signoff.common.InstitutionCode;
import org.signoff.ledger.LedgerFile;

/**
 * Writes an institution's chain, or the part of it whose events' own time lies in a range, as JSON Lines
 * ({@link LedgerFile}): the head first, naming the institution, then its events as they stream from the store.
 */
@Component
public class LedgerExport {

    private final Ledger ledger;

    LedgerExport(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * @param institution whose chain: the caller's
     * @param from the earliest event time to export, or {@code null} for the first event
     * @param to the first event time not to export, or {@code null} for none
     */
    public void write(OutputStream out, InstitutionCode institution, Instant from, Instant to) throws Exception {
        Ledger.Head head = ledger.head(institution);
        Ledger.Run run = from == null && to == null
                ? ledger.all(head)
                : ledger.run(from == null ? Instant.EPOCH : from, to, head).orElse(null);
        try (LedgerFile.Writer export = new LedgerFile.Writer(out)) {
            export.header(new LedgerFile.Header(
                    institution.value(),
                    head.point(),
                    run == null ? head.point() : run.after(),
                    from == null ? null : from.toString(),
                    to == null ? null : to.toString()));
            if (run != null) {
                ledger.entries(run, entry -> {
                    export.entry(entry);
                    return true;
                });
            }
        }
    }
}
