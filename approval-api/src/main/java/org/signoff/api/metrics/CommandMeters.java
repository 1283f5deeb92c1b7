package org.signoff.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.stereotype.Component;

import org.signoff.common.CommandRejected;

/**
 * Counts every command once its outcome is known ({@code approval.commands}): {@code accepted} when its transaction
 * committed, else {@code refused} with the rejection's code (e.g. {@code STEP_OUT_OF_ORDER}),
 * {@code CONCURRENT_CHANGE} for a conflict, or {@code FAILED}. Tag {@code command}: the command's name.
 */
@Component
class CommandMeters implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final MeterRegistry registry;

    CommandMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        unitOfWork.afterCommit(done -> count(command, "accepted", "none"));
        unitOfWork.onRollback(failed -> {
            Throwable failure = failed.getExecutionResult().getExceptionResult();
            count(command, "refused", codeOf(failure));
        });
        return chain.proceed();
    }

    private static String codeOf(Throwable failure) {
        if (failure instanceof CommandRejected rejected) {
            return rejected.rejection().name();
        } else if (failure instanceof ConcurrencyException || failure instanceof ConflictingModificationException) {
            return "CONCURRENT_CHANGE";
        }
        return "FAILED";
    }

    private void count(String command, String outcome, String code) {
        Counter.builder("approval.commands")
                .description("Commands taken (accepted) or not (refused, with the problem code)")
                .tag("command", command)
                .tag("outcome", outcome)
                .tag("code", code)
                .register(registry)
                .increment();
    }
}
