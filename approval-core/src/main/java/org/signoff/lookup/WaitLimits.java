package org.signoff.lookup;

import java.time.Duration;
import java.util.Objects;

/**
 * The two deadlines of a wait, counted from the moment the ticket started waiting.
 *
 * @param remindAfter when whoever must act is reminded
 * @param limitAfter  when the wait is escalated to the systems librarians, or a Sandbox grant expires; later than
 *                    the reminder
 */
public record WaitLimits(Duration remindAfter, Duration limitAfter) {

    public WaitLimits {
        Objects.requireNonNull(remindAfter, "remindAfter");
        Objects.requireNonNull(limitAfter, "limitAfter");
        if (remindAfter.isNegative() || remindAfter.isZero()) {
            throw new IllegalArgumentException("A reminder comes after some time, not " + remindAfter);
        }
        if (limitAfter.compareTo(remindAfter) <= 0) {
            throw new IllegalArgumentException(
                    "The limit (" + limitAfter + ") must come after the reminder (" + remindAfter + ")");
        }
    }
}
