package org.signoff.api.command;

import java.util.HashMap;
import java.util.Map;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;

import org.signoff.common.InstitutionCode;
import org.signoff.common.MessageMetaData;

/**
 * A command the engine sends itself (a listener's, a processor's, the registry's), within the institution it acts
 * for, so that its events are that institution's and the bus's wall lets it through. A caller's commands are stamped
 * by {@link Commands} instead.
 */
public final class EngineCommands {

    private EngineCommands() {}

    /** The command, within {@code institution}. */
    public static CommandMessage<Object> within(InstitutionCode institution, Object command) {
        return within(institution, null, command);
    }

    /** The command, within {@code institution}, sent as {@code client} (none: the engine itself). */
    public static CommandMessage<Object> within(InstitutionCode institution, String client, Object command) {
        Map<String, String> metaData = new HashMap<>();
        metaData.put(MessageMetaData.INSTITUTION, institution.value());
        if (client != null) {
            metaData.put(MessageMetaData.CLIENT, client);
        }
        return GenericCommandMessage.<Object>asCommandMessage(command).andMetaData(metaData);
    }
}
