/** Personal data: erasing a person, and forgetting their staff id once every read model has replaced it. */
package org.signoff.api.privacy;
