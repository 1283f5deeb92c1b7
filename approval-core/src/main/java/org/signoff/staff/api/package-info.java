/** The staff directory's messages: who the engine knows, their unit and roles. Names live outside the events. */
package org.signoff.staff.api;
