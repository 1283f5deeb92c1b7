package org.signoff.common;

import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An institution of the engine, by its code (as Alma names institutions, e.g. {@code 01BLC_BU}): letters, digits,
 * {@code _} and {@code -}, at most 40. Every request acts within exactly one, taken from its credential.
 */
public record InstitutionCode(@JsonValue String value) {

    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    public InstitutionCode {
        Objects.requireNonNull(value, "value");
        if (!SYNTAX.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "An institution code is 1 to 40 letters, digits, '_' or '-', not '" + value + "'");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static InstitutionCode of(String value) {
        return new InstitutionCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
