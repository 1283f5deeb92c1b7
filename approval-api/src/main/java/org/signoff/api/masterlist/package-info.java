/** The master list over HTTP. */
package org.signoff.api.masterlist;
