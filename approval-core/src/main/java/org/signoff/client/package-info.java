/**
 * Who may call the engine: API clients, each with a hashed secret, the operations it was granted, and whom it may
 * act for. Managing them is an administrator's command like any other, and leaves events for the auditor; the
 * secrets themselves never enter an event.
 */
package org.signoff.client;
