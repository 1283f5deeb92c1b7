package org.signoff.api.ledger;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger for the consortium: the heads of every chain, and the whole store verified. Codes, positions and hashes
 * only: no event of any institution leaves here.
 */
@RestController
@RequestMapping("/consortium/ledger")
class ConsortiumLedgerController {

    private final ConsortiumLedger ledger;

    ConsortiumLedgerController(ConsortiumLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * The consortium's chain's head and each institution's head as it holds them. Record it elsewhere: every
     * institution's later export, and the consortium's later verification, are checked against it.
     */
    @GetMapping("/head")
    ConsortiumLedger.Heads head() {
        return ledger.heads();
    }

    /**
     * Every institution's chain checked over the live store, every event sealed in exactly one chain (its
     * institution's), and the consortium's chain over their heads.
     */
    @GetMapping("/verification")
    ConsortiumLedger.Verification verification() throws Exception {
        return ledger.verify();
    }
}
