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
 * Free text such as a note or a reason: any characters but control characters other than tab, line feed and
 * carriage return (a NUL, for one, cannot be stored in PostgreSQL text). Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = PlainText.SYNTAX)
@ReportAsSingleViolation
@Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface PlainText {

    String SYNTAX = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]*";

    String message() default "must not contain control characters other than tab and line breaks";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
