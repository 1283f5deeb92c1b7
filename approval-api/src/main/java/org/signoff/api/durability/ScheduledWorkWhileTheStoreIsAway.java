package org.signoff.api.durability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.util.ErrorHandler;

import org.signoff.api.problem.StoreUnavailable;

/**
 * The scheduled work (the webhook dispatcher, the ledger's sealer, the page's change check, the clean-ups) runs again
 * at its next tick after any failure. A store that is away fails every tick the same way: that is one line each, not
 * a stack trace twice a second; any other failure keeps its stack.
 */
@Component
class ScheduledWorkWhileTheStoreIsAway implements ThreadPoolTaskSchedulerCustomizer {

    private static final Logger log = LoggerFactory.getLogger(ScheduledWorkWhileTheStoreIsAway.class);

    @Override
    public void customize(ThreadPoolTaskScheduler scheduler) {
        scheduler.setErrorHandler(errors());
    }

    static ErrorHandler errors() {
        return failure -> {
            if (StoreUnavailable.causedBy(failure)) {
                log.warn("Scheduled work waits for the store: {}", StoreUnavailable.rootCause(failure));
            } else {
                log.error("Scheduled work failed; it runs again at its next turn", failure);
            }
        };
    }
}
