/** The published contract: the OpenAPI document the service serves, committed beside it and checked for drift. */
package org.signoff.api.contract;
