package org.signoff.api.webhook;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A webhook signing secret as Standard Webhooks serializes one: {@code whsec_} and the canonical base64 of 24 to 64
 * random bytes (see {@link SigningSecret}). Null is left to {@code @NotNull}. The pattern and the lengths (of 24 and
 * 64 bytes in base64) are there for the published contract; the check decodes it.
 */
@Documented
@Constraint(validatedBy = StandardSecret.Check.class)
@Pattern(regexp = "whsec_[A-Za-z0-9+/]+={0,2}")
@Size(min = 38, max = 94)
@ReportAsSingleViolation
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@interface StandardSecret {

    String message() default "must be whsec_ and the base64 of 24 to 64 random bytes (Standard Webhooks)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Decodes the secret as a receiver's library would; the secret itself goes into no message. */
    final class Check implements ConstraintValidator<StandardSecret, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || SigningSecret.standardKey(value).isPresent();
        }
    }
}
