package org.signoff.api.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.accepted;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

/** Long random histories, driven over HTTP by four integrations at once, for tests that check what follows. */
public final class RandomHistories {

    private RandomHistories() {}

    /**
     * Every person (the scenario's requester, colleague, and {@code extraPeople} more) on each of {@code jobs} jobs
     * without variants: up to three tickets each, tested, retested, denied, approved, revoked and withdrawn at
     * random (reproducible from {@code seed}).
     *
     * @return the people who went through it
     */
    public static List<String> of(Scenario scenario, int extraPeople, int jobs, long seed) throws Exception {
        List<String> people = new ArrayList<>(List.of(scenario.requester, scenario.colleague));
        for (int n = 0; n < extraPeople; n++) {
            people.add(register(scenario, "tester-" + n));
        }
        forPeople(scenario, people, jobs, seed);
        return people;
    }

    /** As {@link #of}, for these people, who have no ticket yet on the jobs. */
    public static void forPeople(Scenario scenario, List<String> people, int jobs, long seed) throws Exception {
        Map<String, List<JsonNode>> chosen = jobsWithoutVariants(scenario.api, jobs);
        List<String> everyClass = new ArrayList<>();
        scenario.api
                .get("/training-classes")
                .body()
                .forEach(c -> everyClass.add(c.get("classId").asText()));
        for (String person : people) {
            Scenario.attended(scenario.admin, person, everyClass, "2026-02-02");
        }
        ExecutorService integrations = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            int worker = 0;
            for (String person : people) {
                for (Map.Entry<String, List<JsonNode>> job : chosen.entrySet()) {
                    Random random = new Random(seed + worker++);
                    running.add(integrations.submit(
                            () -> randomHistory(scenario, random, person, job.getKey(), job.getValue())));
                }
            }
            for (Future<?> history : running) {
                history.get();
            }
        } finally {
            integrations.shutdown();
        }
    }

    /** One person's tickets on one job: tested, retested, denied, approved, revoked and withdrawn at random. */
    private static void randomHistory(
            Scenario scenario, Random random, String person, String jobId, List<JsonNode> readings) {
        for (int attempt = 0; attempt < 3; attempt++) {
            String ticket = scenario.open(person, jobId);
            for (JsonNode reading : readings) {
                accepted(scenario.api.post("/tickets/" + ticket + "/readings", """
                        {"documentId": "%s", "version": "%s", "performedBy": "%s"}""".formatted(
                                reading.get("documentId").asText(),
                                reading.get("version").asText(),
                                person)));
            }
            if (random.nextInt(10) == 0) {
                accepted(scenario.withdraw(ticket, person));
                continue;
            }
            accepted(scenario.request(ticket, person));
            accepted(scenario.grantSandbox(ticket, scenario.librarian));
            String review;
            do {
                accepted(scenario.api.post("/tickets/" + ticket + "/sandbox-test", """
                        {"jobInstanceRef": "job-%d", "recordsProcessed": %d, "outcome": "%s", "notes": "run %d",
                         "attachments": %s, "performedBy": "%s"}""".formatted(
                                random.nextInt(1_000_000),
                                random.nextInt(5000),
                                random.nextBoolean() ? "SUCCEEDED" : "COMPLETED_WITH_ERRORS",
                                attempt,
                                random.nextBoolean() ? "[]" : "[\"https://alma.example/report/" + attempt + "\"]",
                                person)));
                int dice = random.nextInt(10);
                review = dice < 2 ? "retest" : dice < 3 ? "deny" : "approve";
                if (review.equals("retest")) {
                    accepted(scenario.requestRetest(ticket, scenario.librarian));
                }
            } while (review.equals("retest"));
            if (review.equals("deny")) {
                accepted(scenario.deny(ticket, scenario.librarian));
                continue;
            }
            boolean roleUpdate = random.nextBoolean();
            accepted(scenario.approve(ticket, scenario.librarianWhoAsks, roleUpdate));
            if (roleUpdate && random.nextInt(4) > 0) {
                accepted(scenario.submitRoleRequest(ticket, scenario.liaison));
                accepted(scenario.confirmRoleUpdate(ticket, scenario.support));
            } else if (roleUpdate && random.nextBoolean()) {
                accepted(scenario.withdraw(ticket, person));
                continue;
            }
            if (random.nextInt(3) > 0) {
                return; // signed off, and stays so
            }
            accepted(scenario.revoke(ticket, scenario.librarian));
        }
    }

    public static String register(Scenario scenario, String name) {
        String id = name + "-" + System.nanoTime() % 100_000;
        assertThat(scenario.admin
                        .post("/staff", """
                        {"staffId": "%s", "displayName": "%s", "unit": "%s", "roles": ["STAFF"], "liaisonUnits": [],
                         "performedBy": "admin"}""".formatted(id, name, scenario.unit))
                        .status())
                .isEqualTo(201);
        return id;
    }

    private static Map<String, List<JsonNode>> jobsWithoutVariants(Api api, int count) {
        Map<String, List<JsonNode>> jobs = new java.util.LinkedHashMap<>();
        for (JsonNode job : api.get("/jobs?limit=100").body()) {
            if (jobs.size() < count && job.get("variants").isEmpty()) {
                List<JsonNode> readings = new ArrayList<>();
                job.get("requiredReadings").forEach(readings::add);
                jobs.put(job.get("jobId").asText(), readings);
            }
        }
        return jobs;
    }
}
