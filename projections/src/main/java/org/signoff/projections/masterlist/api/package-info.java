/** The master list query and its view. */
package org.signoff.projections.masterlist.api;
