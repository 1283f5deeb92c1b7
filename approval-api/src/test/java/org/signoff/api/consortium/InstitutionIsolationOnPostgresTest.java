package org.signoff.api.consortium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.ReadModels;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.ServiceProcess;

/**
 * The walls between institutions on PostgreSQL with several nodes, as a consortium runs the engine behind a load
 * balancer: {@link InstitutionIsolationTest}'s scenarios on two nodes over one PostgreSQL (one in this JVM, one in a
 * JVM of its own), each request sent to the next node in turn. A member's setup written through one node is aimed at
 * through the other, and what it holds is read back through either.
 */
class InstitutionIsolationOnPostgresTest extends InstitutionIsolationTest {

    @TempDir
    static Path dir;

    private EmbeddedPostgres postgres;
    private RunningService inThisJvm;
    private Process ofItsOwn;

    @Override
    Api engine() {
        try {
            postgres = EmbeddedPostgres.builder().start();
            String[] store = {
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres"
            };
            // started together, as replicas are: one makes the schema and the first administrator, the other waits
            int port = ServiceProcess.freePort();
            Path logs = Files.createDirectories(Path.of("target", "isolation-on-postgres"));
            ofItsOwn = ServiceProcess.launch(
                    Files.createDirectories(dir.resolve("node-2")), logs.resolve("node-2.log"), port, store);
            inThisJvm = RunningService.start(Files.createDirectories(dir.resolve("node-1")), store);
            ServiceProcess.awaitHealthy(new Api(port).withKey(RunningService.ADMIN_KEY), ofItsOwn);
            return new Api(List.of(inThisJvm.port(), port)).withKey(RunningService.ADMIN_KEY);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    CommandGateway commandBus() {
        return inThisJvm.bean(CommandGateway.class);
    }

    @Test
    void eachNodeAnswersWhatAMemberHoldsAlike() {
        Institution member = members.get(0);
        ReadModels.awaitCaughtUp(defaultAdmin); // the other scenarios' last steps, read alike once in
        assertThat(snapshot(member, member.admin().onlyTo(1)))
                .as("what %s holds, read on each node", member.code())
                .isEqualTo(snapshot(member, member.admin().onlyTo(0)));
    }

    @AfterAll
    void stopTheNodes() throws IOException {
        if (ofItsOwn != null) {
            ofItsOwn.destroyForcibly();
        }
        if (inThisJvm != null) {
            inThisJvm.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
