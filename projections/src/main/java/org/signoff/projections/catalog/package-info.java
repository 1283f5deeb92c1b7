/** The job catalog read model. */
package org.signoff.projections.catalog;
