package org.signoff.api.readmodel;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.signoff.common.CommandRejected;
import org.signoff.common.Rejection;
import org.signoff.staff.api.StaffId;

/**
 * Rebuilds a read model from the event store while the service keeps answering from the current one. A second
 * projection of the same class, under a processor of its own ({@code master-list.rebuild}, its token beside the
 * others), writes tables of its own ({@link ShadowTables}) from the first event on. Once it has caught up with the
 * store, the live processor pauses, and in one transaction the live tables get the rebuilt rows and the live token
 * the rebuilt one; readers see the old read model or the new one, never neither. The live processor goes on from
 * there, and the shadow tables are dropped. One rebuild per read model at a time across the nodes: the node that
 * rebuilds holds a claim on it ({@link ReadModelShapes}).
 *
 * <p>A read model whose code writes a newer shape than the one recorded for its rows is rebuilt so once a node of the
 * new version is ready (it answers from the old rows meanwhile); the shape is recorded in the swap's transaction.
 */
@Component
public class ReadModelRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilds.class);
    private static final String PROCESSOR_SUFFIX = ".rebuild";
    /** Longer than a running rebuild goes without storing its token (Axon's claim timeout is 10 s). */
    private static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);
    /** How often a rebuilding node renews its claim, and a waiting one looks again. */
    private static final Duration CLAIM_RENEWED_EVERY = Duration.ofSeconds(5);

    private final Map<String, ReadModel<?>> readModels = new ConcurrentHashMap<>();
    private final Map<String, RebuildView> latest = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final Configuration axon;
    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final ProcessorPositions positions;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();
    private final ReadModelShapes shapes;
    /** This process, as a claim names it: a restarted node is another one, whose claims wait for the old ones. */
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    ReadModelRebuilds(
            List<ReadModel<?>> readModels,
            Configuration axon,
            EventProcessingConfiguration processing,
            JdbcClient jdbc,
            ProcessorPositions positions,
            DataSource dataSource,
            PlatformTransactionManager transactions) {
        readModels.forEach(readModel -> this.readModels.put(readModel.name(), readModel));
        this.axon = axon;
        this.processing = processing;
        this.jdbc = jdbc;
        this.positions = positions;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.shapes = new ReadModelShapes(jdbc);
        forgetUnfinished();
        readModels.forEach(readModel -> shapes.recordIfNone(readModel.name(), readModel.shape(), clock.instant()));
    }

    /**
     * Once the node is ready, each read model whose recorded shape is older than its code's is rebuilt; while another
     * node holds the claim, this one looks again every few seconds until the shape is recorded.
     */
    @EventListener(ApplicationReadyEvent.class)
    void rebuildReshaped() {
        readModels.values().forEach(readModel -> {
            int recorded = shapes.recorded(readModel.name()).orElse(readModel.shape());
            if (recorded > readModel.shape()) {
                log.warn(
                        "Read model '{}' is in shape {}, newer than this version's {}: a newer version wrote it",
                        readModel.name(),
                        recorded,
                        readModel.shape());
            } else if (recorded < readModel.shape()) {
                workers.execute(() -> rebuildWhenClaimed(readModel, recorded));
            }
        });
    }

    private void rebuildWhenClaimed(ReadModel<?> readModel, int recorded) {
        String startedBy = "engine: shape " + recorded + " to " + readModel.shape();
        try {
            while (shapes.recorded(readModel.name()).orElse(0) < readModel.shape()) {
                try {
                    start(readModel, startedBy);
                    log.info(
                            "Read model '{}' has rows in shape {}, this version writes shape {}: rebuilding it",
                            readModel.name(),
                            recorded,
                            readModel.shape());
                    return;
                } catch (CommandRejected inProgress) {
                    Thread.sleep(CLAIM_RENEWED_EVERY.toMillis());
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every read model that can be rebuilt: where it stands, and its latest rebuild on this node. */
    public List<ReadModelView> list() {
        long head = positions.head();
        return readModels.keySet().stream()
                .sorted()
                .map(name -> view(name, head))
                .toList();
    }

    public ReadModelView find(String name) {
        return view(readModel(name).name(), positions.head());
    }

    private ReadModelView view(String name, long head) {
        OptionalLong position = positions.of(name);
        int shape = readModels.get(name).shape();
        Integer recorded = shapes.recorded(name).stream().boxed().findFirst().orElse(null);
        return position.isPresent()
                ? new ReadModelView(
                        name,
                        position.getAsLong(),
                        Math.max(0, head - position.getAsLong()),
                        shape,
                        recorded,
                        latest.get(name))
                : new ReadModelView(name, null, null, shape, recorded, latest.get(name));
    }

    /** Starts rebuilding the read model, answering at once; {@code REBUILD_IN_PROGRESS} while one runs. */
    public RebuildView start(String name, StaffId performer) {
        return start(readModel(name), performer.value());
    }

    private synchronized RebuildView start(ReadModel<?> readModel, String startedBy) {
        String name = readModel.name();
        RebuildView running = latest.get(name);
        if (running != null && !running.finished()) {
            throw Rejection.REBUILD_IN_PROGRESS.because(
                    "Read model '" + name + "' is being rebuilt since " + running.startedAt());
        }
        Instant now = clock.instant();
        if (!shapes.claim(name, node, now.plus(ABANDONED_AFTER), now)) {
            throw Rejection.REBUILD_IN_PROGRESS.because(
                    "Read model '" + name + "' is being rebuilt by another node: " + shapes.claimant(name));
        }
        RebuildView started = RebuildView.started(name, startedBy, now, positions.head());
        latest.put(name, started);
        workers.execute(() -> rebuild(readModel, started));
        return started;
    }

    private void rebuild(ReadModel<?> readModel, RebuildView started) {
        String name = readModel.name();
        String rebuildProcessor = name + PROCESSOR_SUFFIX;
        ShadowTables shadow = new ShadowTables(readModel.tables(), jdbc, dataSource);
        TrackingEventProcessor processor = null;
        StreamingEventProcessor live =
                processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
        try {
            deleteToken(rebuildProcessor);
            shadow.create();
            log.info("Rebuilding read model '{}' beside the live one", name);
            processor = processor(rebuildProcessor, readModel.projection(shadow.client()));
            processor.start();
            long head = positions.head();
            Instant renewed = clock.instant();
            // the rebuild's position as stored: the token the swap below hands to the live processor
            for (long at = positions.of(rebuildProcessor).orElse(-1);
                    at < head;
                    at = positions.of(rebuildProcessor).orElse(-1)) {
                latest.put(name, started.at(at, head));
                Thread.sleep(50);
                head = positions.head();
                if (clock.instant().isAfter(renewed.plus(CLAIM_RENEWED_EVERY))) {
                    renewed = clock.instant();
                    if (!shapes.claim(name, node, renewed.plus(ABANDONED_AFTER), renewed)) {
                        throw new ClaimLost(name);
                    }
                }
            }
            processor.shutDown();
            latest.put(name, started.swapping(head));
            live.shutDown();
            try {
                transaction.executeWithoutResult(status -> {
                    // the live token first: a node running the live processor cannot commit a batch meanwhile, and
                    // once the token is given away (owner NULL below), its batch in flight fails and rolls back
                    jdbc.sql("SELECT processorName FROM TokenEntry WHERE processorName = ? FOR UPDATE")
                            .param(name)
                            .query(String.class)
                            .list();
                    shadow.copyOverLive();
                    jdbc.sql("UPDATE TokenEntry SET "
                                    + "token = (SELECT token FROM TokenEntry WHERE processorName = ? AND segment = 0), "
                                    + "tokenType = (SELECT tokenType FROM TokenEntry WHERE processorName = ? AND segment = 0), "
                                    + "owner = NULL WHERE processorName = ?")
                            .params(rebuildProcessor, rebuildProcessor, name)
                            .update();
                    jdbc.sql("DELETE FROM TokenEntry WHERE processorName = ?")
                            .param(rebuildProcessor)
                            .update();
                    shapes.swappedIn(name, readModel.shape(), clock.instant());
                });
            } finally {
                live.start();
            }
            shadow.drop();
            RebuildView done = started.done(head, clock.instant());
            latest.put(name, done);
            log.info(
                    "Read model '{}' rebuilt from {} events in {} and swapped in",
                    name,
                    head + 1,
                    Duration.between(done.startedAt(), done.finishedAt()));
        } catch (Exception failure) {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (processor != null) {
                processor.shutDown();
            }
            try {
                // a claim lost (this node stalled past its deadline) leaves the rebuild's tables to the next claimant
                if (!(failure instanceof ClaimLost)) {
                    deleteToken(rebuildProcessor);
                    shadow.drop();
                    shapes.release(name, node);
                }
            } catch (RuntimeException cleanUp) {
                failure.addSuppressed(cleanUp);
            }
            latest.put(name, latest.get(name).failed(failure.toString(), clock.instant()));
            log.error("Rebuilding read model '{}' failed; the live one is as it was", name, failure);
        }
    }

    private TrackingEventProcessor processor(String name, Object projection) {
        return TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(projection)
                        .parameterResolverFactory(axon.parameterResolverFactory())
                        .handlerDefinition(axon.handlerDefinition(projection.getClass()))
                        .listenerInvocationErrorHandler(ReadModelFailures::stopAt)
                        .build())
                .messageSource(axon.getComponent(EventStore.class))
                .tokenStore(axon.getComponent(TokenStore.class))
                .transactionManager(axon.getComponent(org.axonframework.common.transaction.TransactionManager.class))
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(500))
                .build();
    }

    /**
     * A rebuild a stop cut short is forgotten at start: its token and tables go, the live read model is intact. One
     * that another node is running (its token claimed in the last {@link #ABANDONED_AFTER}) is left to it.
     */
    private void forgetUnfinished() {
        Instant abandoned = clock.instant().minus(ABANDONED_AFTER);
        readModels.values().forEach(readModel -> {
            String processor = readModel.name() + PROCESSOR_SUFFIX;
            boolean running = jdbc.sql("SELECT owner, timestamp FROM TokenEntry WHERE processorName = ?")
                    .param(processor)
                    .query((row, n) -> row.getString("owner") != null
                            && Instant.parse(row.getString("timestamp")).isAfter(abandoned))
                    .list()
                    .contains(true);
            if (!running) {
                deleteToken(processor);
                new ShadowTables(readModel.tables(), jdbc, dataSource).drop();
            }
        });
    }

    private void deleteToken(String processor) {
        jdbc.sql("DELETE FROM TokenEntry WHERE processorName = ?")
                .param(processor)
                .update();
    }

    private ReadModel<?> readModel(String name) {
        ReadModel<?> readModel = readModels.get(name);
        if (readModel == null) {
            throw Rejection.UNKNOWN_READ_MODEL.because("No read model '" + name + "'; there are "
                    + readModels.keySet().stream().sorted().toList());
        }
        return readModel;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /**
     * A read model: how far it is ({@code null} before it has a position), the shape this version writes and the one
     * its rows are recorded in (older until the rebuild that reshapes them is swapped in), and its latest rebuild here.
     */
    public record ReadModelView(
            String name, Long position, Long eventsBehind, int shape, Integer rowsShape, RebuildView rebuild) {}

    /** This node's claim on a rebuild ran out and another node may have taken it. */
    private static final class ClaimLost extends RuntimeException {
        ClaimLost(String readModel) {
            super("The claim to rebuild '" + readModel + "' ran out before the rebuild caught up");
        }
    }

    /**
     * A rebuild: {@code BUILDING} (at {@code position} of {@code head}), {@code SWAPPING}, {@code DONE} or
     * {@code FAILED} (with why; the live read model is as it was).
     */
    public record RebuildView(
            String readModel,
            String status,
            String startedBy,
            Instant startedAt,
            long position,
            long head,
            Instant finishedAt,
            String failure) {

        static RebuildView started(String readModel, String startedBy, Instant at, long head) {
            return new RebuildView(readModel, "BUILDING", startedBy, at, -1, head, null, null);
        }

        RebuildView at(long position, long head) {
            return new RebuildView(readModel, "BUILDING", startedBy, startedAt, position, head, null, null);
        }

        RebuildView swapping(long head) {
            return new RebuildView(readModel, "SWAPPING", startedBy, startedAt, head, head, null, null);
        }

        RebuildView done(long head, Instant at) {
            return new RebuildView(readModel, "DONE", startedBy, startedAt, head, head, at, null);
        }

        RebuildView failed(String why, Instant at) {
            return new RebuildView(readModel, "FAILED", startedBy, startedAt, position, head, at, why);
        }

        public boolean finished() {
            return finishedAt != null;
        }
    }
}
