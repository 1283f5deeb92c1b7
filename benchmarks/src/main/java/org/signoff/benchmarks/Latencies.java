package org.signoff.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/** Each client thread's command latencies, in nanoseconds, gathered after the run. */
final class Latencies {

    private final List<long[]> perThread = Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<long[]> mine = ThreadLocal.withInitial(() -> {
        long[] buffer = new long[1 + 1 << 16];
        perThread.add(buffer);
        return buffer;
    });

    /** Runs the command, keeping how long it took; answers what it answered. */
    <T> T time(Callable<T> command) throws Exception {
        long start = System.nanoTime();
        T answer = command.call();
        long[] buffer = mine.get();
        int count = (int) buffer[0];
        if (count + 1 < buffer.length) {
            buffer[count + 1] = System.nanoTime() - start;
            buffer[0] = count + 1;
        }
        return answer;
    }

    /** The latency at a percentile, in milliseconds. */
    double percentile(double p) {
        long[] all = perThread.stream()
                .flatMapToLong(buffer -> Arrays.stream(buffer, 1, 1 + (int) buffer[0]))
                .sorted()
                .toArray();
        return percentile(all, p);
    }

    /** The latency at a percentile (nearest rank) of sorted nanoseconds, in milliseconds; 0 of none. */
    static double percentile(long[] sorted, double p) {
        return sorted.length == 0
                ? 0
                : sorted[(int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1))] / 1e6;
    }
}
