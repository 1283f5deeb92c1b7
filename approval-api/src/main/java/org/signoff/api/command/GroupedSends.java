package org.signoff.api.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;

/**
 * An import's commands sent several groups at once (a group per person: their commands go to one history, in
 * order), so that the durable store's group commit serves many. Each sender acts for the caller who imports.
 */
public final class GroupedSends {

    /** How many groups are sent at once. */
    public static final int SENDERS = 32;

    private GroupedSends() {}

    /** Sends each group's items in order, {@link #SENDERS} groups at once; the first failure is rethrown. */
    public static <T> void send(Collection<? extends List<T>> groups, Consumer<? super T> send) {
        ExecutorService senders = new DelegatingSecurityContextExecutorService(Executors.newFixedThreadPool(SENDERS));
        List<Future<?>> sent = new ArrayList<>();
        try {
            for (List<T> group : groups) {
                sent.add(senders.submit(() -> group.forEach(send)));
            }
            for (Future<?> each : sent) {
                each.get();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The import was interrupted", interrupted);
        } catch (ExecutionException failed) {
            sent.forEach(group -> group.cancel(false)); // the groups not begun are not sent after the answer
            throw failed.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException(failed.getCause());
        } finally {
            senders.shutdown();
        }
    }
}
