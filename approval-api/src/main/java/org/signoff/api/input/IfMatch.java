package org.signoff.api.input;

/**
 * The version a step was decided on, from an {@code If-Match} header holding a ticket's {@code ETag} (e.g.
 * {@code "7"}); {@code *} or no header means any version. The aggregate checks it under its lock: a ticket that moved
 * on since is answered 412.
 */
public record IfMatch(Long version) {

    static final IfMatch ANY = new IfMatch(null);

    /** Read by Spring from the header; anything but an ETag of ours is a 400. */
    public static IfMatch valueOf(String header) {
        String value = header.trim();
        if (value.equals("*")) {
            return ANY;
        }
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new IllegalArgumentException("An ETag of a ticket is a version, 0 or more");
            }
            return new IfMatch(version);
        } catch (NumberFormatException notOurs) {
            throw new IllegalArgumentException("If-Match takes the ETag of a ticket, e.g. \"7\"", notOurs);
        }
    }

    /** The version a header asks for; none without the header or with {@code *}. */
    public static Long versionOf(IfMatch ifMatch) {
        return ifMatch == null ? null : ifMatch.version();
    }

    /** The ETag of a ticket at this version. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
