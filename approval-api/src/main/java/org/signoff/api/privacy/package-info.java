/**
 * Personal data, kept where it can be erased without rewriting history. The event store holds a person only as a
 * pseudonym ({@link org.signoff.api.privacy.Pseudonyms}) and free text only as a reference ({@link
 * org.signoff.api.privacy.PersonalTexts}); display names and Alma primary ids live in {@code personal_data} and are
 * read at the time asked ({@link org.signoff.api.privacy.DisplayNames}), so an erasure counts at once. Erasing a
 * person empties these tables, replaces them in the command side's own tables, and, once every read model has
 * replaced their staff id, forgets it: from then on nothing the engine keeps leads from the pseudonym to the person.
 */
package org.signoff.api.privacy;
