package org.signoff.api.wiki;

/** A page as Confluence answered it: what an update must send back, and its body in the storage format. */
record ConfluencePage(String id, String title, int version, String body) {}
