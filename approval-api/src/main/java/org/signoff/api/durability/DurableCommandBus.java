package org.signoff.api.durability;

import java.util.concurrent.Executor;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Axon's command bus, with one change: a command that succeeded is answered once its commit is stored. The command
 * runs and commits as before (its unit of work, locks and connection are done with when it is answered); only the
 * answer waits, so while one store is written the next commands already run. A refused command wrote nothing and is
 * answered at once; a command sent from inside another is answered with it.
 */
final class DurableCommandBus extends SimpleCommandBus {

    private final Durability durability;
    private final Executor answers;

    DurableCommandBus(Builder builder, Durability durability, Executor answers) {
        super(builder);
        this.durability = durability;
        this.answers = answers;
    }

    @Override
    protected <C, R> void handle(
            CommandMessage<C> command,
            MessageHandler<? super CommandMessage<?>> handler,
            CommandCallback<? super C, ? super R> callback) {
        if (CurrentUnitOfWork.isStarted()) {
            super.handle(command, handler, callback);
            return;
        }
        CommandCallback<C, R> afterStore = (message, result) -> {
            if (result.isExceptional()) {
                callback.onResult(message, result);
                return;
            }
            durability
                    .afterCommitsStored()
                    .whenCompleteAsync(
                            (stored, failure) -> callback.onResult(
                                    message,
                                    failure == null
                                            ? result
                                            : GenericCommandResultMessage.asCommandResultMessage(failure)),
                            answers);
        };
        super.handle(command, handler, afterStore);
    }
}
