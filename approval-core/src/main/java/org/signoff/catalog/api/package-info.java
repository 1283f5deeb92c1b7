/**
 * The job catalog's messages: which jobs exist, their scope, readings, variants, what they are in Alma (their Alma
 * side), and whether they are retired.
 */
package org.signoff.catalog.api;
