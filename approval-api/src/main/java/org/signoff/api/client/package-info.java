/** API clients over HTTP: administrators register, list, rotate and revoke them. */
package org.signoff.api.client;
