/**
 * The consortium's shared jobs (Alma's network zone): defined once by its administrators, adopted into members'
 * catalogs, each adopting member following a new version of the definition under its own rules.
 */
package org.signoff.consortium;
