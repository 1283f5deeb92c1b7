package org.signoff.common;

/** What commands and events carry beside their payload, under these keys. */
public final class MessageMetaData {

    /** The API client that sent the command (the performer, in the payload, is the person it acted for). */
    public static final String CLIENT = "client";

    /**
     * The institution the command was sent within, from its sender's credential ({@link InstitutionCode}). An event
     * without it is the default institution's: written before institutions, or sent by the engine itself (its seed,
     * deadlines, Alma listeners), which acts for the default institution alone so far.
     */
    public static final String INSTITUTION = "institution";

    private MessageMetaData() {}
}
