/** Wiring: Axon on JDBC, the stores and what Spring Boot does not do by itself. */
package org.signoff.api.config;
