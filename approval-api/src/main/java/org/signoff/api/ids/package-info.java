/** How the service makes identifiers. */
package org.signoff.api.ids;
