/** Failures as RFC 9457 problem responses with stable codes. */
package org.signoff.api.problem;
