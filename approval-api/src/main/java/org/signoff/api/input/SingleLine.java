package org.signoff.api.input;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * A name or reference: one line of any script, without control characters or line separators, and without spaces at
 * either end (so {@code "ITS "} cannot pass for another unit than {@code "ITS"}). Units, scopes, job names, document
 * ids, variants, ticket and form references. Null is left to {@code @NotNull}; pair it with {@code @Size}.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = SingleLine.SYNTAX)
@ReportAsSingleViolation
@Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface SingleLine {

    /** Empty, or a visible character, then anything but control characters and line breaks, then a visible one. */
    String SYNTAX = "(?:[^\\s\\p{C}\\p{Z}](?:[^\\p{Cc}\\p{Zl}\\p{Zp}]*[^\\s\\p{C}\\p{Z}])?)?";

    String message() default "must be one line, without control characters or spaces at either end";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
