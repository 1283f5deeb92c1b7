/** What auditors read about access: the refused requests. */
package org.signoff.api.audit;
