/**
 * What monitoring sees: Micrometer meters of the process (tickets, step durations, commands, read-model lag, the
 * webhook outbox), exposed through Actuator for Prometheus, and the readiness of the read models.
 */
package org.signoff.api.metrics;
