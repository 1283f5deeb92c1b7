package org.signoff.common;

/**
 * A command the domain refused. It carries a stable {@link Rejection} code, so callers (the HTTP edge, an
 * integration) can act on the reason without parsing the message. A rejected command writes no event.
 */
public class CommandRejected extends RuntimeException {

    private final Rejection rejection;

    public CommandRejected(Rejection rejection, String message) {
        super(message, null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
