package org.signoff.api.problem;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request refused for who the caller is (401) or what they may do (403) goes on the auditors' record. The
 * security room keeps the record; a refusal answered here is written to it through this port.
 */
public interface RefusalRecord {

    /** Records the refusal; never fails the answer. */
    void record(HttpServletRequest request, String code);
}
