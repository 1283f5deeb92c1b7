/**
 * The staff directory's messages: who the engine knows, their unit and roles. Names and Alma primary ids live outside
 * the events.
 */
package org.signoff.staff.api;
