/**
 * Axon on JDBC: the event storage engine, the token store, the serializers and the transaction wiring that Spring
 * Boot 4 does not declare by itself.
 */
package org.signoff.api.config;
