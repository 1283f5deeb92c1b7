package org.signoff.api.alma;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import org.signoff.api.problem.ProblemException;
import org.signoff.api.readmodel.ReadYourWrites;
import org.signoff.common.Rejection;
import org.signoff.projections.catalog.CatalogProjection;
import org.signoff.projections.catalog.api.FindJobQuery;
import org.signoff.projections.catalog.api.JobView;
import org.signoff.projections.ticket.TicketProjection;
import org.signoff.projections.ticket.api.FindTicketQuery;
import org.signoff.projections.ticket.api.TicketView;
import org.signoff.ticket.api.AlmaCheck;
import org.signoff.ticket.api.SandboxRun;
import org.signoff.ticket.api.TestEvidence;
import org.signoff.ticket.api.TestOutcome;
import org.signoff.ticket.api.TicketId;

/**
 * Step 4's evidence read from Alma's Sandbox: the run the requester names, looked up among the Alma jobs of the
 * ticket's job. Whether it is this test's run (the requester's, after the grant, ended) the ticket decides; here only
 * what Alma says, or why it could not be asked (not configured for the job, not answering): then the facts are typed.
 */
@Component
public class SandboxRuns {

    private static final Logger log = LoggerFactory.getLogger(SandboxRuns.class);

    private final AlmaConnections connections;
    private final ReadYourWrites reads;

    SandboxRuns(AlmaConnections connections, ReadYourWrites reads) {
        this.connections = connections;
        this.reads = reads;
    }

    /**
     * What Alma's Sandbox says of the run {@code instanceId} of the ticket's job ({@code almaJobId} when the requester
     * names which of its Alma jobs it ran), or why it was not asked; {@code ALMA_RUN_UNKNOWN} when none of them has it.
     */
    public Reading read(TicketId ticketId, String instanceId, String almaJobId) {
        // the ticket's institution's Sandbox
        Optional<AlmaConnection> sandbox = connections.ofKey(ticketId.value(), AlmaEnvironment.SANDBOX);
        if (sandbox.isEmpty()) {
            return Reading.typed("Alma's Sandbox is not configured", null);
        }
        List<String> almaJobs = almaJobsOf(ticketId);
        if (almaJobs.isEmpty()) {
            return Reading.typed("the job has no Alma job ids in the catalog", null);
        }
        List<String> asked = almaJobId == null ? almaJobs : List.of(almaJobId);
        for (String job : asked) {
            try {
                AlmaJobInstance instance = sandbox.get().jobInstance(job, instanceId);
                return Reading.verified(instance);
            } catch (AlmaRefused unknownHere) {
                // Alma answers an instance it does not know under this job with its error list: try the next job
            } catch (AlmaUnavailable | AlmaCredentialsRejected failure) {
                log.warn("Step 4 of ticket {} typed by hand: {}", ticketId, failure.getMessage());
                return Reading.typed("Alma's Sandbox did not answer", () -> failure);
            }
        }
        throw Rejection.ALMA_RUN_UNKNOWN.because(
                "Alma's Sandbox has no run '" + instanceId + "' of Alma job " + String.join(" or ", asked));
    }

    private List<String> almaJobsOf(TicketId ticketId) {
        return reads.find(TicketProjection.PROCESSING_GROUP, new FindTicketQuery(ticketId.value()), TicketView.class)
                .flatMap(ticket -> reads.find(
                        CatalogProjection.PROCESSING_GROUP,
                        new FindJobQuery(ticket.ticket().jobId()),
                        JobView.class))
                .map(job -> job.almaSide().jobIds())
                .orElse(List.of());
    }

    /**
     * Alma's answer for the run, or why the facts are typed; {@code unavailable} is the failure to answer with when
     * typed facts are needed and none were given (Alma did not answer: try again later).
     */
    public record Reading(AlmaJobInstance instance, String typedBecause, Supplier<ProblemException> unavailable) {

        static Reading verified(AlmaJobInstance instance) {
            return new Reading(instance, null, null);
        }

        static Reading typed(String because, Supplier<ProblemException> unavailable) {
            return new Reading(null, because, unavailable);
        }

        /** The run as the ticket's event keeps it, with who Alma says ran it (checked there, not kept). */
        public AlmaCheck check() {
            if (instance == null) {
                return AlmaCheck.notVerified(typedBecause);
            }
            return AlmaCheck.verified(
                    new SandboxRun(
                            instance.jobId(),
                            instance.id(),
                            instance.status(),
                            instance.startTime(),
                            instance.endTime(),
                            instance.counters().stream()
                                    .filter(counter -> counter.value() != null
                                            && counter.value().strip().matches("\\d{1,18}"))
                                    .map(counter -> new SandboxRun.Counter(
                                            counter.type(),
                                            counter.description(),
                                            Long.parseLong(counter.value().strip())))
                                    .toList()),
                    instance.submittedBy());
        }

        /**
         * The evidence: Alma's run (its records and outcome, whatever was typed), or the facts typed, which are then
         * required.
         */
        public TestEvidence evidence(
                String instanceRef, Long typedRecords, TestOutcome typedOutcome, List<URI> attachments) {
            if (instance != null) {
                SandboxRun run = check().run();
                return new TestEvidence(run.instanceId(), recordsProcessed(run), outcome(run.status()), attachments);
            }
            if (typedRecords == null || typedOutcome == null) {
                if (unavailable != null) {
                    throw unavailable.get();
                }
                throw new TypedFactsRequired(typedBecause);
            }
            return new TestEvidence(instanceRef, typedRecords, typedOutcome, attachments);
        }

        /** Alma's counters differ by job: the one of the records processed or in total, else the first. */
        private static long recordsProcessed(SandboxRun run) {
            return run.counters().stream()
                    .filter(counter -> (counter.type() + " " + counter.description())
                            .toLowerCase(Locale.ROOT)
                            .matches(".*(total|processed).*"))
                    .findFirst()
                    .or(() -> run.counters().stream().findFirst())
                    .map(SandboxRun.Counter::value)
                    .orElse(0L);
        }

        /** A test typed by hand needs what Alma would have said. */
        private static final class TypedFactsRequired extends ProblemException {
            TypedFactsRequired(String why) {
                super(
                        HttpStatus.BAD_REQUEST,
                        "INVALID_REQUEST",
                        "recordsProcessed and outcome are required: the run is not read from Alma (" + why + ")",
                        Map.of());
            }
        }

        private static TestOutcome outcome(String status) {
            String code = Objects.requireNonNullElse(status, "").toUpperCase(Locale.ROOT);
            if (code.equals("COMPLETED_SUCCESS")) {
                return TestOutcome.SUCCEEDED;
            }
            return code.startsWith("COMPLETED_WITH") ? TestOutcome.COMPLETED_WITH_ERRORS : TestOutcome.FAILED;
        }
    }
}
