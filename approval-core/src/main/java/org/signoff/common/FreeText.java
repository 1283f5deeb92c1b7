package org.signoff.common;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text a person wrote (a reason, a note, a comment), which may name people: personal data. An event keeps it outside
 * the event store, where it is erased with its author and with the person it is about.
 */
@Documented
@Retention(RUNTIME)
@Target({RECORD_COMPONENT, FIELD, METHOD, PARAMETER})
public @interface FreeText {}
