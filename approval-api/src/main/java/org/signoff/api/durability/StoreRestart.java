package org.signoff.api.durability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The service starts again, in this process, when the embedded H2 file can no longer be written. At the first write
 * that fails (a full disk) H2 closes its store for good and refuses every statement after it, so this context can
 * take no command again: it answers {@code 503 STORE_UNAVAILABLE} and reports itself not ready while it waits until
 * the file's disk has {@value #ROOM_MIB} MiB free. Then it closes (Tomcat stops taking requests, the pool and H2
 * close) and starts anew from the file, in a few seconds. Every command that was answered is in it (answered only
 * once stored); what was committed but not stored had been answered 503, and goes with the state kept in memory on
 * top of it (the aggregate cache, the read models' positions), which the new context reads afresh.
 */
@Component
class StoreRestart {

    static final long ROOM_MIB = 16;

    private static final Logger log = LoggerFactory.getLogger(StoreRestart.class);
    private static final Duration PAUSE = Duration.ofSeconds(2);

    private final AtomicBoolean restarting = new AtomicBoolean();
    private volatile SpringApplication application;
    private volatile String[] arguments;
    private volatile ConfigurableApplicationContext context;

    @EventListener
    void started(ApplicationStartedEvent started) {
        application = started.getSpringApplication();
        arguments = started.getArgs();
        context = started.getApplicationContext();
    }

    /** A service asked to stop is not started again, whatever its store says on the way. */
    @EventListener
    void stopping(ContextClosedEvent closing) {
        restarting.set(true);
    }

    /** H2 closed the store of the file at {@code file} after {@code failure}: start again on it, once. */
    void storeLost(Path file, RuntimeException failure) {
        if (application == null || !restarting.compareAndSet(false, true)) {
            return; // still starting (the start fails and says why), or already on its way
        }
        log.error(
                "The H2 file {} could not be written ({}); the service starts again on it once its disk has room",
                file,
                failure.toString());
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        Thread restart = new Thread(() -> restart(file.toAbsolutePath().getParent()), "store-restart");
        restart.setDaemon(false); // the JVM stays up between the two contexts
        restart.start();
    }

    private void restart(Path directory) {
        if (!hasRoom(directory)) {
            log.error("Waiting for {} MiB free on the disk of {} to start again", ROOM_MIB, directory);
            while (!hasRoom(directory)) {
                pause();
            }
        }
        context.close();
        while (true) {
            try {
                application.run(arguments);
                log.info("Started again on {}", directory);
                return;
            } catch (RuntimeException failed) {
                log.error("Starting again failed; trying again in {} s: {}", PAUSE.toSeconds(), failed.toString());
                pause();
            }
        }
    }

    private static boolean hasRoom(Path directory) {
        try {
            return Files.getFileStore(directory).getUsableSpace() >= ROOM_MIB << 20;
        } catch (IOException unknown) {
            return true; // let the start say what is wrong
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
