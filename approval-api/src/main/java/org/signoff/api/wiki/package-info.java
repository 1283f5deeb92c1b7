/**
 * The wiki publisher: the master list kept on the Confluence page staff already look at (issue 32). A tracking
 * processor of its own counts the list's changes from the event stream ({@code wiki_publication}); once a burst has
 * settled ({@code approval.wiki.coalesce}) one node renders the list from the read model in Confluence's storage
 * format and writes it into the engine's section of the page (between two anchors; the rest of the page is kept as
 * people wrote it) as the next version, a minor edit with a message, through Cloud's v2 pages API or Data Center's
 * content API. Confluence down, 429 and a concurrent edit are retried with backoff; lost markers, a hand-edited page
 * in whole-page mode and a rejected token stop it, said in the log, at {@code GET /wiki-publication} and on the
 * dashboard ({@link org.signoff.api.wiki.WikiPublicationStatus}), until an administrator publishes again
 * ({@code POST /wiki-publication/publication}). The token is never logged nor answered.
 */
package org.signoff.api.wiki;
