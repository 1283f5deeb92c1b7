package org.signoff.common;

/** What commands and events carry beside their payload, under these keys. */
public final class MessageMetaData {

    /** The API client that sent the command (the performer, in the payload, is the person it acted for). */
    public static final String CLIENT = "client";

    private MessageMetaData() {}
}
