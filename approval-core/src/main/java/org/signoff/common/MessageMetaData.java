package org.signoff.common;

/** What commands and events carry beside their payload, under these keys. */
public final class MessageMetaData {

    /** The API client that sent the command (the performer, in the payload, is the person it acted for). */
    public static final String CLIENT = "client";

    /**
     * The institution the command was sent within, from its sender's credential ({@link InstitutionCode}); a command
     * the engine sends itself (its seed, Alma's listeners) is the default institution's. An event without it was
     * written before institutions, in the default institution.
     */
    public static final String INSTITUTION = "institution";

    private MessageMetaData() {}
}
