/** The staff directory read model. */
package org.signoff.projections.staff;
