package org.signoff.common;

import java.util.Objects;
import java.util.Optional;

/**
 * The ids of one institution as the engine keys them. Ids are an institution's own (two members both have a job
 * {@code change-physical-items} and a person {@code amy}), so inside the engine, in commands, aggregates, lookups and
 * read models, a member's id is keyed by its code: {@code 01BLC_BU/amy}. The default institution's keys are its ids
 * as they are, so a deployment from before institutions keeps every key it has. A key of one institution is never a
 * key of another: a member cannot name what is not its own, and a rule keyed by ids (one open ticket per person and
 * job) holds per institution.
 *
 * @param code      the institution
 * @param isDefault whether it is the store's default institution, whose keys are bare
 */
public record InstitutionScope(InstitutionCode code, boolean isDefault) {

    /** Between a member's code and its id in a key; never in an id itself. */
    public static final char SEPARATOR = '/';

    public InstitutionScope {
        Objects.requireNonNull(code, "code");
    }

    /** The engine's key of this institution's id; an id that could not be one (with a separator) keys nothing. */
    public String key(String id) {
        Objects.requireNonNull(id, "id");
        if (id.indexOf(SEPARATOR) >= 0) {
            throw new ForeignKey(id);
        }
        return isDefault ? id : prefix() + id;
    }

    /** Whether a key is one of this institution's. */
    public boolean owns(String key) {
        if (isDefault) {
            return key.indexOf(SEPARATOR) < 0;
        }
        String prefix = prefix();
        return key.startsWith(prefix) && key.indexOf(SEPARATOR, prefix.length()) < 0;
    }

    /** The id a key of this institution stands for, as the institution names it. */
    public String idOf(String key) {
        if (!owns(key)) {
            throw new ForeignKey(key);
        }
        return isDefault ? key : key.substring(prefix().length());
    }

    /**
     * A text the engine wrote (an answer, a webhook's payload) as the institution reads it: each of its keys as the
     * id it stands for. A key is dropped its prefix where the prefix begins a word: after a quote, a space, a slash
     * or the start, never inside another word or id.
     */
    public String namesIn(String text) {
        return namesIn(text, prefix());
    }

    /** {@link #namesIn(String)} for the institution whose keys begin with {@code prefix} ({@link #prefixOf}). */
    public static String namesIn(String text, String prefix) {
        if (prefix.isEmpty() || text.indexOf(SEPARATOR) < 0) {
            return text;
        }
        StringBuilder named = new StringBuilder(text.length());
        int from = 0;
        for (int at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
            if (at == 0 || !partOfAWord(text.charAt(at - 1))) {
                named.append(text, from, at);
                from = at + prefix.length();
            }
        }
        return named.append(text, from, text.length()).toString();
    }

    /** Whether a character may be part of an id or a code, so that a prefix after it does not begin a key. */
    public static boolean partOfAWord(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == '-'
                || c == '.';
    }

    /** {@code code/}, what a member's keys begin with (the default institution's begin with nothing). */
    public String prefix() {
        return isDefault ? "" : code.value() + SEPARATOR;
    }

    /**
     * For a list of a read model: {@code column LIKE ? ESCAPE '!' AND column NOT LIKE ? ESCAPE '!'} keeps this
     * institution's keys, with {@link #keysLike()} and {@link #keysNotLike()} as its two parameters.
     */
    public static String keysOf(String column) {
        return "(" + column + " LIKE ? ESCAPE '!' AND " + column + " NOT LIKE ? ESCAPE '!')";
    }

    /** The first parameter of {@link #keysOf}: every key beginning with this institution's prefix. */
    public String keysLike() {
        return keysLike(prefix());
    }

    /** The second parameter of {@link #keysOf}: leaves out the keys of members, whose rest holds a separator. */
    public String keysNotLike() {
        return keysNotLike(prefix());
    }

    /** {@link #keysLike()} of the institution whose keys begin with {@code prefix} ({@link #prefixOf}). */
    public static String keysLike(String prefix) {
        return escaped(prefix) + "%";
    }

    /** {@link #keysNotLike()} of the institution whose keys begin with {@code prefix} ({@link #prefixOf}). */
    public static String keysNotLike(String prefix) {
        return escaped(prefix) + "%" + SEPARATOR + "%";
    }

    /**
     * What the keys of a key's institution begin with: {@code code/} for a member's, nothing for the default
     * institution's. Two keys are of one institution when their prefixes are equal.
     */
    public static String prefixOf(String key) {
        int separator = key.indexOf(SEPARATOR);
        return separator < 0 ? "" : key.substring(0, separator + 1);
    }

    /** The member institution a key is of; empty for the default institution's keys, which are bare. */
    public static Optional<InstitutionCode> memberOf(String key) {
        String prefix = prefixOf(key);
        return prefix.isEmpty()
                ? Optional.empty()
                : Optional.of(InstitutionCode.of(prefix.substring(0, prefix.length() - 1)));
    }

    private static String escaped(String text) {
        return text.replace("!", "!!").replace("_", "!_").replace("%", "!%");
    }

    /** A key, or an id, that is not this institution's: to its caller, it names nothing. */
    public static final class ForeignKey extends RuntimeException {
        public ForeignKey(String value) {
            super("Not a key of this institution: '" + value + "'", null, false, false);
        }
    }
}
