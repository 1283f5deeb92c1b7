package org.signoff.api.masterlist;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.projections.masterlist.api.FetchMasterListQuery;
import org.signoff.projections.masterlist.api.MasterListView;

/** Who may run which job in production. */
@RestController
class MasterListController {

    private final QueryGateway queries;

    MasterListController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/master-list")
    MasterListView masterList() {
        return queries.query(new FetchMasterListQuery(), ResponseTypes.instanceOf(MasterListView.class))
                .join();
    }
}
