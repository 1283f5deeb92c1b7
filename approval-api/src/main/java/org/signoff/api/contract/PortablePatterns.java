package org.signoff.api.contract;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Bean Validation {@code @Pattern} (a Java regex that must match the whole value) as a JSON Schema pattern that
 * generated clients can use: anchored, since JSON Schema matches anywhere in the value; and without Unicode property
 * classes such as {@code \p{C}}, which Python's {@code re} and ECMA-262 without its {@code u} flag reject.
 */
final class PortablePatterns {

    private static final Pattern PROPERTY_CLASS = Pattern.compile("\\\\p\\{(\\w+)}");

    /**
     * The property classes the service's patterns use, as the code points of the Basic Multilingual Plane they stand
     * for (Unicode 13, Java 17's), less unassigned ones and surrogates: listing those would take hundreds of ranges,
     * and a surrogate must stay allowed for ECMA-262 to accept an emoji. The service alone refuses those. A fixed
     * list, so the document does not change with the JDK that serves it; a newer Unicode only adds to a class.
     */
    private static final Map<String, String> CODE_POINTS = Map.of(
            "Cc", "\\x00-\\x1F\\x7F-\\x9F",
            "C",
                    "\\x00-\\x1F\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u08E2\\u180E\\u200B-\\u200F"
                            + "\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uE000-\\uF8FF\\uFEFF\\uFFF9-\\uFFFB",
            "Z", "\\x20\\xA0\\u1680\\u2000-\\u200A\\u2028-\\u2029\\u202F\\u205F\\u3000",
            "Zl", "\\u2028",
            "Zp", "\\u2029");

    private PortablePatterns() {}

    static String of(String java) {
        if (java.startsWith("^")
                && java.endsWith("$")
                && !PROPERTY_CLASS.matcher(java).find()) {
            return java;
        }
        String written = writtenOut(java);
        return written.contains("|") ? "^(?:" + written + ")$" : "^" + written + "$";
    }

    /** Each {@code \p{…}} as its code points: as they are inside a character class, in brackets outside one. */
    private static String writtenOut(String java) {
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < java.length(); i++) {
            char c = java.charAt(i);
            Matcher property = PROPERTY_CLASS.matcher(java).region(i, java.length());
            if (c == '\\' && property.lookingAt()) {
                String codePoints = CODE_POINTS.get(property.group(1));
                if (codePoints == null) {
                    throw new IllegalStateException(
                            "Write out \\p{" + property.group(1) + "} in PortablePatterns for pattern " + java);
                }
                out.append(inClass ? codePoints : "[" + codePoints + "]");
                i = property.end() - 1;
            } else if (c == '\\' && i + 1 < java.length()) {
                out.append(c).append(java.charAt(++i));
            } else {
                inClass = c == '[' || (inClass && c != ']');
                out.append(c);
            }
        }
        return out.toString();
    }
}
