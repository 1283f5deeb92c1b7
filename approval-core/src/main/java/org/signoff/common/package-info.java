/** What every feature of the domain shares: the typed rejection of a command. */
package org.signoff.common;
