package org.signoff.api.alma;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;

/** Job runs in a fake Alma's Sandbox, as its Configuration API answers for them. */
final class AlmaRuns {

    private static final AtomicInteger INSTANCES = new AtomicInteger(7_001_000);

    private AlmaRuns() {}

    /** A run of {@code almaJob} in the fake Alma, as its Configuration API answers for it: its instance id. */
    static String run(WireMockServer alma, String almaJob, String submittedBy, Instant start, String status) {
        String instance = String.valueOf(INSTANCES.incrementAndGet());
        stubRun(alma, almaJob, instance, submittedBy, start, status);
        return instance;
    }

    /** The run {@code instance} of {@code almaJob} in the fake Alma, as its Configuration API answers for it. */
    static void stubRun(
            WireMockServer alma, String almaJob, String instance, String submittedBy, Instant start, String status) {
        String end = status.startsWith("COMPLETED") ? "\"" + start.plusSeconds(150) + "\"" : "null";
        alma.stubFor(get(urlPathEqualTo("/almaws/v1/conf/jobs/" + almaJob + "/instances/" + instance))
                .willReturn(okJson("""
                        {"id": "%s", "name": "Change physical items", "progress": 100,
                         "status": {"value": "%s", "desc": "as Alma says"},
                         "submitted_by": {"value": "%s", "desc": "Doe, Jo"},
                         "start_time": "%s", "end_time": %s,
                         "counter": [
                           {"type": {"value": "c.jobs.items.totalRecords", "desc": "Total records"}, "value": "120"},
                           {"type": {"value": "c.jobs.items.changed", "desc": "Changed records"}, "value": "117"},
                           {"type": {"value": "c.jobs.items.failed", "desc": "Failed records"}, "value": "3"}],
                         "job_info": {"id": "%s", "name": "Change physical items"}}""".formatted(instance, status, submittedBy, start, end, almaJob))));
    }
}
