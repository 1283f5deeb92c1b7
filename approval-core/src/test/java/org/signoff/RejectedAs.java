package org.signoff;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import org.signoff.common.CommandRejected;
import org.signoff.common.Rejection;

/** Matches a command refused with a given rejection code. */
public final class RejectedAs extends TypeSafeMatcher<Exception> {

    private final Rejection rejection;

    private RejectedAs(Rejection rejection) {
        this.rejection = rejection;
    }

    public static Matcher<Exception> rejectedAs(Rejection rejection) {
        return new RejectedAs(rejection);
    }

    @Override
    protected boolean matchesSafely(Exception item) {
        return item instanceof CommandRejected rejected && rejected.rejection() == rejection;
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a command rejected as " + rejection);
    }
}
