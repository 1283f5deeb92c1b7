/** The messages of the consortium's shared jobs. */
package org.signoff.consortium.api;
