package org.signoff.api.consortium;

import java.util.List;
import java.util.function.Supplier;

/**
 * The shared analytics' minimum cell size: a figure computed from fewer than {@code size} tickets or waits tells of
 * those few (a period with one ticket gives that ticket's timings), so it is withheld. A count of 1 to size - 1 is a
 * fact about as few people (one person of a member holds the job), so it is withheld too; a count of none is about
 * nobody and is shown.
 */
record MinimumCell(int size) {

    /** A count, or null when it counts fewer than the minimum but some; {@code withheld} then names it. */
    Long count(String figure, long count, List<String> withheld) {
        if (count > 0 && count < size) {
            withheld.add(figure);
            return null;
        }
        return count;
    }

    /** A figure computed from {@code base} tickets or waits, or null when they are fewer than the minimum (or none). */
    <T> T over(String figure, long base, Supplier<T> value, List<String> withheld) {
        if (base < size) {
            withheld.add(figure);
            return null;
        }
        return value.get();
    }
}
