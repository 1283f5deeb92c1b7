/**
 * The published contract: the OpenAPI document the service serves, committed beside it, checked for drift, and
 * shaped so that a client generated from it can use every request and answer (the build proves it with one).
 */
package org.signoff.api.contract;
