package org.signoff.api.alma;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The reconciliation of production's Alma roles with the master list, for auditors. */
@RestController
class AlmaDriftController {

    private final AlmaDrift drift;

    AlmaDriftController(AlmaDrift drift) {
        this.drift = drift;
    }

    @GetMapping("/alma/drift")
    AlmaDrift.Report drift() {
        return drift.report();
    }
}
