/**
 * Failures as RFC 9457 problem responses with stable codes. The bottom room: it imports no other. A room's own
 * refusals extend {@link org.signoff.api.problem.ProblemException} and are answered here alike; a refusal of who may
 * act goes on the auditors' record through {@link org.signoff.api.problem.RefusalRecord}, which security keeps.
 */
package org.signoff.api.problem;
