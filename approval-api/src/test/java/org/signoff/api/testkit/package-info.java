/**
 * The test kit every room's tests share: the real service ({@link org.signoff.api.testkit.RunningService}, or {@link
 * org.signoff.api.testkit.ServiceProcess} in a JVM of its own), an HTTP caller ({@link org.signoff.api.testkit.Api}),
 * the people of a scenario and their steps ({@link org.signoff.api.testkit.Scenario}), a webhook receiver, racing
 * senders, random histories, the read models as an operator rebuilds them, and the check that the shared service's
 * read models caught up after each test class.
 */
package org.signoff.api.testkit;
