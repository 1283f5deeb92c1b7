/** What auditors read: the refused requests, and the history of a person and of a job. */
package org.signoff.api.audit;
