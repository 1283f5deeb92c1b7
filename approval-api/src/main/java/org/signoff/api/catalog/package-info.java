/** The job catalog over HTTP. */
package org.signoff.api.catalog;
