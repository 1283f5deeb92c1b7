/**
 * Who is calling: every request but the health check carries an API key ({@code X-API-Key: <client>.<secret>});
 * each endpoint needs one operation; and the performer of a command is the caller, or a person the caller may act
 * for. Refusals are problem responses, from the filters too. Its own tables: the clients ({@code lookup_api_client},
 * kept in the command's transaction) and the hashes of their secrets ({@code api_client_secret}).
 */
package org.signoff.api.security;
