package org.signoff.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command the domain refused. It carries a stable {@link Rejection} code, so callers (the HTTP edge, an
 * integration) can act on the reason without parsing the message. A rejected command writes no event.
 */
public class CommandRejected extends RuntimeException {

    private final Rejection rejection;
    private final Map<String, Object> details;

    public CommandRejected(Rejection rejection, String message) {
        this(rejection, message, Map.of());
    }

    private CommandRejected(Rejection rejection, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.rejection = rejection;
        this.details = details;
    }

    public Rejection rejection() {
        return rejection;
    }

    /** What a caller can act on beside the code, by name (e.g. the classes still to attend): lists, maps, text. */
    public Map<String, Object> details() {
        return details;
    }

    /** The same refusal, saying {@code value} as {@code name} too. */
    public CommandRejected with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(name, value);
        return new CommandRejected(rejection, getMessage(), Collections.unmodifiableMap(more));
    }
}
