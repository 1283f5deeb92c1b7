/**
 * Who is calling: every request but the health check carries an API key ({@code X-API-Key: <client>.<secret>});
 * each endpoint needs one operation; and the performer of a command is the caller, or a person the caller may act
 * for. Refusals are problem responses, from the filters too.
 */
package org.signoff.api.security;
