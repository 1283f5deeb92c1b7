/**
 * The consortium over HTTP: its administrators register member institutions (each with its first administrator and
 * that person's key), and read the registry.
 */
package org.signoff.api.consortium;
