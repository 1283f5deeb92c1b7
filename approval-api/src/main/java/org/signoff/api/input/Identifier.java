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
 * The id of a person or a job: 1 to 100 of lower-case letters, digits, '.', '_' and '-', starting with a letter or
 * digit, e.g. {@code jpetzold}, {@code change-physical-items}. Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = Identifier.SYNTAX)
@ReportAsSingleViolation
@Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface Identifier {

    String SYNTAX = "[a-z0-9][a-z0-9._-]{0,99}";

    String message() default "must be 1 to 100 of lower-case letters, digits, '.', '_' or '-'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
