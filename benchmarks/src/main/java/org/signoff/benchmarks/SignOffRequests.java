package org.signoff.benchmarks;

import java.util.List;

/**
 * The eight requests of a whole sign-off with a role update, as an integration acting for everyone sends them: open,
 * one reading, request, Sandbox grant, test report, approval with a role update, role request, role update. The
 * benchmarks over HTTP send them each their own way (to a node, with a key); the bodies are the same.
 */
final class SignOffRequests {

    /** One request: a {@code POST} of a JSON body to a path. */
    record Request(String path, String body) {}

    private SignOffRequests() {}

    /** The first request, which opens the ticket: its answer's {@code Location} is the ticket the others go to. */
    static Request open(String jobId, String requester) {
        return new Request("/tickets", """
                {"jobId": "%s", "performedBy": "%s"}""".formatted(jobId, requester));
    }

    /**
     * The seven steps after it, on the ticket: the requester's, then the systems librarian's, the liaison's and the
     * support team's. The support ticket reference is the requester's, one per open ticket.
     */
    static List<Request> steps(String ticket, String requester, String librarian, String liaison, String support) {
        return List.of(
                new Request(ticket + "/readings", """
                        {"documentId": "bench-doc", "version": "1", "performedBy": "%s"}""".formatted(requester)),
                new Request(ticket + "/request", """
                        {"supportTicketRef": "LTS-%s", "performedBy": "%s"}""".formatted(requester, requester)),
                new Request(ticket + "/sandbox-grant", """
                        {"trainingMaterials": ["training"], "performedBy": "%s"}""".formatted(librarian)),
                new Request(ticket + "/sandbox-test", """
                        {"jobInstanceRef": "job-1", "recordsProcessed": 10, "outcome": "SUCCEEDED", "performedBy": "%s"}""".formatted(requester)),
                new Request(ticket + "/approval", """
                        {"roleUpdateNeeded": true, "performedBy": "%s"}""".formatted(librarian)),
                new Request(ticket + "/role-request", """
                        {"formRef": "FORM-1", "performedBy": "%s"}""".formatted(liaison)),
                new Request(ticket + "/role-update", """
                        {"performedBy": "%s"}""".formatted(support)));
    }
}
