package org.signoff.api.wiki;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.signoff.api.masterlist.MasterListExports;
import org.signoff.projections.masterlist.api.MasterListView;

/**
 * The engine's section of the page as Confluence may store it back (attributes added to the anchors, each wrapped in
 * a paragraph, spacing reflowed), and the list in the storage format, where a name cannot break the markup.
 */
class WikiSectionTest {

    private static final String TABLE =
            "<h2>Items</h2><table><tbody><tr><td>Relink</td><td>Amy</td></tr></tbody></table>";

    @Test
    void onlyWhatLiesBetweenTheAnchorsIsReplacedEvenAsConfluenceRewroteThem() {
        String stored = "<p>Intro</p>\n<p><ac:structured-macro ac:name=\"anchor\" ac:schema-version=\"1\" "
                + "ac:macro-id=\"6f1c2d\">\n  <ac:parameter ac:name=\"\">signoff-master-list-start</ac:parameter>\n"
                + "</ac:structured-macro></p><table><tr><td>old</td></tr></table><p><ac:structured-macro "
                + "ac:macro-id=\"77ab\" ac:name=\"anchor\"><ac:parameter ac:name=\"\">signoff-master-list-end"
                + "</ac:parameter></ac:structured-macro></p>\n<p>Contact: Lee</p>";

        String page = WikiSection.replace(stored, TABLE).orElseThrow();

        assertThat(page)
                .startsWith("<p>Intro</p>\n<p><ac:structured-macro ac:name=\"anchor\" ac:schema-version=\"1\" "
                        + "ac:macro-id=\"6f1c2d\">")
                .contains("</ac:structured-macro></p>" + WikiSection.NOTE + TABLE
                        + "<p><ac:structured-macro ac:macro-id=\"77ab\"")
                .endsWith("</ac:structured-macro></p>\n<p>Contact: Lee</p>")
                .doesNotContain("old");
    }

    @Test
    void aPageWithoutBothAnchorsInOrderHasNoSection() {
        String start = WikiSection.whole("").substring(0, WikiSection.whole("").indexOf(WikiSection.NOTE));
        String end = WikiSection.whole("").substring(start.length() + WikiSection.NOTE.length());

        assertThat(WikiSection.replace("<p>Rewritten</p>", TABLE)).isEmpty();
        assertThat(WikiSection.replace(start + "<p>no end</p>", TABLE)).isEmpty();
        assertThat(WikiSection.replace(end + "<p>between</p>" + start, TABLE)).isEmpty();
        assertThat(WikiSection.replace(start + end, TABLE)).contains(start + WikiSection.NOTE + TABLE + end);
    }

    @Test
    void bodiesThatDifferOnlyInSpacingBetweenTagsAreTheSame() {
        assertThat(WikiSection.same("<p>a</p>\n  <p>b</p>", "<p>a</p><p>b</p>")).isTrue();
        assertThat(WikiSection.same("<p>a</p><p>b</p>", "<p>a</p><p>c</p>")).isFalse();
    }

    @Test
    void aNameCannotCloseACellNorOpenAMacro() {
        MasterListView.SignedOff person = new MasterListView.SignedOff(
                "x",
                "Ann <ac:structured-macro> & \"Bo\"",
                "ITS</td>",
                false,
                false,
                null,
                null,
                null,
                null,
                null,
                null);
        MasterListView list = new MasterListView(List.of(new MasterListView.Scope(
                "Items & more",
                List.of(new MasterListView.Job("j", "Relink", null, false, List.of(person), List.of())))));

        String storage = MasterListExports.storage(list);

        assertThat(storage)
                .isEqualTo("<h2>Items &amp; more</h2><table><tbody><tr><th>Job name</th><th>Staff name (unit)</th></tr>"
                        + "<tr><td>Relink</td><td>Ann &lt;ac:structured-macro&gt; &amp; &quot;Bo&quot; "
                        + "(ITS&lt;/td&gt;)</td></tr></tbody></table>");
    }
}
