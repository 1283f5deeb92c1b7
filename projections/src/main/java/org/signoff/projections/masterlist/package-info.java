/** The master list read model: who may run each job in production. */
package org.signoff.projections.masterlist;
