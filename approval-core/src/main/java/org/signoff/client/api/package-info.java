/** The messages of API clients: registration, secret rotation, revocation. */
package org.signoff.client.api;
