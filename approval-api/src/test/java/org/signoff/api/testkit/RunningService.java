package org.signoff.api.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import org.signoff.api.ApprovalApplication;

/**
 * The real service, started in this JVM on a random port over an H2 file in a folder of its own: what a user runs,
 * nothing replaced.
 */
public final class RunningService implements AutoCloseable {

    /** The first administrator's key in every service a test starts. */
    public static final String ADMIN_SECRET = "first-administrators-test-secret-0123456789";

    public static final String ADMIN_KEY = "initial-admin." + ADMIN_SECRET;

    private static RunningService shared;

    private final ConfigurableApplicationContext context;
    private final Api api;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
        this.api =
                new Api(((WebServerApplicationContext) context).getWebServer().getPort()).withKey(ADMIN_KEY);
    }

    /**
     * Starts the service over the store in {@code dataDir}; extra arguments as on the command line. A start costs
     * seconds (10 to 20 on a busy machine): a class needing no setting or store of its own uses {@link #shared()}, and
     * scenarios needing the same setting share one start.
     */
    public static RunningService start(Path dataDir, String... arguments) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--approval.data-dir=" + dataDir,
                "--approval.security.initial-admin-key=" + ADMIN_SECRET));
        args.addAll(List.of(arguments));
        return new RunningService(
                new SpringApplicationBuilder(ApprovalApplication.class).run(args.toArray(String[]::new)));
    }

    /**
     * One service for the test classes that need no store of their own, stopped when the JVM ends, its data
     * directory then deleted.
     */
    public static synchronized RunningService shared() {
        if (shared == null) {
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory("approval-e2e");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            shared = start(dataDir);
            RunningService started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } finally {
                    try {
                        FileSystemUtils.deleteRecursively(dataDir);
                    } catch (java.io.IOException leftBehind) {
                        // a temporary directory: the system's to clean
                    }
                }
            }));
        }
        return shared;
    }

    /** The shared service if a test class has started it, without starting it. */
    static synchronized Optional<RunningService> sharedIfStarted() {
        return Optional.ofNullable(shared);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The service as its first administrator calls it. */
    public Api api() {
        return api;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    /** How many events the person's history holds (it is keyed by their pseudonym): what was written for them. */
    public long eventsOf(String staffId) {
        return bean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = "
                        + "(SELECT pseudonym FROM staff_pseudonym WHERE staff_id = ?)")
                .param(staffId)
                .query(Long.class)
                .single();
    }

    @Override
    public void close() {
        context.close();
    }
}
