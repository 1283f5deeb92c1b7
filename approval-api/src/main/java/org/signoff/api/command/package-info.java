/**
 * Sending commands from the HTTP edge, with what an unknown target means for each kind of resource; an import's many
 * commands, several people's at once ({@link org.signoff.api.command.GroupedSends}).
 */
package org.signoff.api.command;
