/**
 * The consortium over HTTP: its administrators register member institutions (each with its first administrator and
 * that person's key), and read the registry; the shared analytics ({@code ConsortiumAnalytics}, the port the dashboard
 * reads), whose figures from fewer tickets than the minimum cell are withheld ({@code MinimumCell}).
 */
package org.signoff.api.consortium;
