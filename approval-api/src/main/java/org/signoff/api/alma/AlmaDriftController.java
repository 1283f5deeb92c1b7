package org.signoff.api.alma;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.api.security.Callers;

/** The reconciliation of production's Alma roles with the master list, for auditors. */
@RestController
class AlmaDriftController {

    private final AlmaDrift drift;
    private final Callers callers;

    AlmaDriftController(AlmaDrift drift, Callers callers) {
        this.drift = drift;
        this.callers = callers;
    }

    /** The caller's institution's, against its own Alma. */
    @GetMapping("/alma/drift")
    AlmaDrift.Report drift() {
        return drift.report(callers.ids());
    }
}
