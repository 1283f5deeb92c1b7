package org.signoff.ticket.api;

import java.net.URI;
import java.util.List;

/**
 * What a Sandbox test showed, as a reviewer weighs it and an auditor later asks for it: the job run in the Sandbox
 * (as Alma names the job instance), how many records it processed, how it ended, and where its proof can be seen
 * (the job's report, an export of the set, screenshots).
 *
 * @param attachments links to the proof; none is required
 */
public record TestEvidence(String jobInstanceRef, long recordsProcessed, TestOutcome outcome, List<URI> attachments) {

    public TestEvidence {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
