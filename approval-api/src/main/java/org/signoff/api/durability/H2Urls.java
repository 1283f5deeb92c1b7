package org.signoff.api.durability;

import java.util.Locale;

/** What an H2 JDBC URL says about where the database runs. */
final class H2Urls {

    private H2Urls() {}

    /** An H2 server reached over the network ({@code tcp} or {@code ssl}), which stores commits on its own schedule. */
    static boolean server(String url) {
        String lower = normal(url);
        return lower.startsWith("jdbc:h2:tcp:") || lower.startsWith("jdbc:h2:ssl:");
    }

    /** H2 inside this process: a file or memory. */
    static boolean embedded(String url) {
        return normal(url).startsWith("jdbc:h2:") && !server(url);
    }

    /** Lower case, without spaces (H2 takes {@code ; write_delay = 0}). */
    static String normal(String url) {
        return url == null ? "" : url.toLowerCase(Locale.ROOT).replace(" ", "");
    }
}
