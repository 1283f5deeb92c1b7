/** The staff directory over HTTP. */
package org.signoff.api.staff;
