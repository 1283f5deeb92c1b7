/** Sending commands from the HTTP edge, with what an unknown target means for each kind of resource. */
package org.signoff.api.command;
