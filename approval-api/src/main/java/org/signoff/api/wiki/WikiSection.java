package org.signoff.api.wiki;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's part of the page: between two anchor macros, {@code signoff-master-list-start} and
 * {@code signoff-master-list-end}, which people see as nothing and can link to. Only what lies between them is
 * replaced; the markers stay as Confluence stored them (it may add attributes or wrap them in paragraphs), and
 * everything outside them is the page's own, kept as it is.
 */
final class WikiSection {

    static final String START = "signoff-master-list-start";
    static final String END = "signoff-master-list-end";

    /** What stands first in the section, for whoever opens the editor. */
    static final String NOTE = "<p><em>This part of the page is kept by the approval engine and replaced at each "
            + "publication: edit above or below it.</em></p>";

    private WikiSection() {}

    /** The whole section, markers included, for a page that has none yet. */
    static String whole(String content) {
        return anchor(START) + NOTE + content + anchor(END);
    }

    /**
     * The page with its section's content replaced, or empty when the page has not both markers, start before end.
     */
    static Optional<String> replace(String page, String content) {
        Matcher start = marker(START).matcher(page);
        if (!start.find()) {
            return Optional.empty();
        }
        Matcher end = marker(END).matcher(page);
        if (!end.find(start.end())) {
            return Optional.empty();
        }
        return Optional.of(page.substring(0, start.end()) + NOTE + content + page.substring(end.start()));
    }

    /** Whether the page has neither anchor: no part of the section is left to place the list by. */
    static boolean unmarked(String page) {
        return !marker(START).matcher(page).find() && !marker(END).matcher(page).find();
    }

    private static String anchor(String name) {
        return "<ac:structured-macro ac:name=\"anchor\" ac:schema-version=\"1\"><ac:parameter ac:name=\"\">" + name
                + "</ac:parameter></ac:structured-macro>";
    }

    /**
     * An anchor macro named so, however Confluence wrote its attributes and spacing, with the paragraph it may have
     * wrapped it in: the section's content goes between the paragraphs, never inside one.
     */
    private static Pattern marker(String name) {
        String macro = "<ac:structured-macro\\b[^>]*\\bac:name=\"anchor\"[^>]*>\\s*<ac:parameter\\b[^>]*>\\s*"
                + Pattern.quote(name) + "\\s*</ac:parameter>\\s*</ac:structured-macro>";
        return Pattern.compile("<p\\b[^>]*>\\s*" + macro + "\\s*</p>|" + macro);
    }

    /** Two bodies the same but for spacing between tags: Confluence may reflow what it stores. */
    static boolean same(String one, String other) {
        return squeeze(one).equals(squeeze(other));
    }

    private static String squeeze(String body) {
        return body.replaceAll(">\\s+<", "><").strip();
    }
}
