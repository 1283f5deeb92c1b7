/** The messages of the institutions registry. */
package org.signoff.institution.api;
