/**
 * Alma, where the jobs run: one connection per environment (Sandbox, production), built only when configured. It
 * reads a user's roles and a job instance over Alma's REST API with the environment's key, writes roles back to the
 * user ({@link AlmaRoleChange}: only {@code user_role} changed, a dry run writes nothing), rides out Alma's
 * per-second threshold ({@code 429 PER_SECOND_THRESHOLD}) up to a set number of retries, and turns every other
 * answer that is not the record into a typed problem: {@link AlmaRefused} naming Alma's own code,
 * {@link AlmaCredentialsRejected}, {@link AlmaUnavailable}. The key is never logged, never in a message or a
 * {@code toString}. Steps 3 and 6 use it ({@link AlmaRoleSteps}): the ticket is asked first, then Alma written,
 * then the step recorded with the roles added, so Alma is never written for a step the ticket refuses and a step
 * Alma refused is never recorded; the same steps by hand stay open beside them. Once a sign-off ends, the production
 * roles the engine added are taken back ({@link ProductionRoleTakeBacks}), as the support team's task or, where
 * configured, by the engine ({@link AutomaticTakeBack}), but those another of the person's tickets needs.
 *
 * <p>It also listens to Alma's webhook integration profile at {@code /alma/webhook}: the handshake, and posts
 * authenticated by their {@code X-Exl-Signature} alone (the profile's secret, like the key, is never logged). Each
 * notification is taken once ({@code alma_webhook_notification}, no personal data); a {@code JOB_END} is published
 * as {@link AlmaJobEnded}, unconfirmed until the Sandbox API says so.
 */
package org.signoff.api.alma;
