package org.signoff.api.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the page writes times and steps for people (the templates call these). */
public final class PageFormat {

    private PageFormat() {}

    /** How long something has waited, as people say it: 3 d 4 h, 2 h 5 min, 7 min, 40 s. */
    public static String age(Duration age) {
        if (age == null) {
            return "";
        }
        if (age.toDays() > 0) {
            return age.toDays() + " d " + age.toHoursPart() + " h";
        }
        if (age.toHours() > 0) {
            return age.toHours() + " h " + age.toMinutesPart() + " min";
        }
        if (age.toMinutes() > 0) {
            return age.toMinutes() + " min";
        }
        return age.toSeconds() + " s";
    }

    /** A day, in UTC: 2026-11-23. */
    public static String date(Instant at) {
        return at == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(at.atZone(ZoneOffset.UTC));
    }

    /** A moment, in UTC to the minute: 2026-11-23 09:00 UTC. */
    public static String dateTime(Instant at) {
        return at == null
                ? ""
                : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(at.atZone(ZoneOffset.UTC));
    }

    /** A status as words: {@code AWAITING_REVIEW} → {@code awaiting review}. */
    public static String words(Object status) {
        return String.valueOf(status).toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** A bar's width in percent of the longest, at least 1 so that a short wait still shows. */
    public static long percent(Duration value, Duration longest) {
        if (value == null || longest == null || longest.isZero()) {
            return 1;
        }
        return Math.max(1, Math.round(100.0 * value.toMillis() / Math.max(1, longest.toMillis())));
    }
}
