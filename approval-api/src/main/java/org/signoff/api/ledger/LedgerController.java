package org.signoff.api.ledger;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import org.signoff.api.problem.Problems;
import org.signoff.api.security.Callers;
import org.signoff.common.InstitutionCode;
import org.signoff.ledger.ChainPoint;
import org.signoff.ledger.ChainVerifier;

/**
 * The ledger for an institution's auditors: its chain's head, its export, and its verification against the live
 * store; always the chain of the caller's institution, nothing of another's.
 */
@RestController
@RequestMapping("/ledger")
class LedgerController {

    /** JSON Lines: one JSON value a line, in UTF-8. */
    static final String JSON_LINES = "application/jsonl";

    private final Ledger ledger;
    private final LedgerExport export;
    private final Callers callers;

    LedgerController(Ledger ledger, LedgerExport export, Callers callers) {
        this.ledger = ledger;
        this.export = export;
        this.callers = callers;
    }

    /**
     * The last seal of the caller's institution's chain. Record it somewhere else: later exports checked against it
     * show a chain cut short or rewritten.
     */
    @GetMapping("/head")
    Ledger.Head head() {
        return ledger.head(callers.current().institution());
    }

    /**
     * The caller's institution's sealed events, all or those whose own time lies in {@code [from, to)}, as JSON Lines: the head first, then
     * one event a line. Streamed: any size of export holds little in memory.
     */
    @GetMapping(value = "/events", produces = JSON_LINES)
    @ApiResponse(
            responseCode = "200",
            description = "The head, then one event a line (the format is in the README and in ledger-verifier)",
            content = @Content(mediaType = JSON_LINES, schema = @Schema(type = "string")))
    ResponseEntity<StreamingResponseBody> events(
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw Problems.badRequest("INVALID_REQUEST", "'from' must come before 'to'");
        }
        InstitutionCode institution = callers.current().institution();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(JSON_LINES))
                .body(out -> {
                    try {
                        export.write(out, institution, from, to);
                    } catch (java.io.IOException | RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    /**
     * The caller's institution's chain checked over the live store, as the offline verifier checks an export; with {@code head} (a head
     * recorded earlier, {@code POSITION:HASH}) also whether the chain was cut short or rewritten since.
     */
    @GetMapping("/verification")
    Verification verification(
            @Parameter(
                            description = "a head recorded earlier: POSITION:HASH",
                            schema = @Schema(type = "string", pattern = "^[0-9]+:[0-9a-f]{64}$"))
                    @RequestParam(required = false)
                    ChainPoint head)
            throws Exception {
        return Verification.of(ledger.verify(callers.current().institution(), head), head != null);
    }

    /**
     * @param intact whether every link holds
     * @param checked how many events were checked
     * @param last the last point up to which the chain holds
     * @param firstBreak where and why it broke, or {@code null}
     * @param recordedHeadChecked whether a recorded head was given and found in the chain
     */
    record Verification(
            boolean intact,
            long checked,
            ChainPoint last,
            ChainVerifier.Break firstBreak,
            boolean recordedHeadChecked) {

        static Verification of(ChainVerifier.Verification result, boolean headGiven) {
            return new Verification(
                    result.intact(),
                    result.checked(),
                    result.last(),
                    result.firstBreak(),
                    headGiven && result.recordedHeadChecked());
        }
    }
}
