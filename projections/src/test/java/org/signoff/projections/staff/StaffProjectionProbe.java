package org.signoff.projections.staff;

import org.signoff.staff.api.StaffMemberRegistered;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Feeds directory events to the staff read model from tests of other read models that join it. */
public final class StaffProjectionProbe {

    private final StaffProjection projection;

    public StaffProjectionProbe(JdbcClient jdbc) {
        this.projection = new StaffProjection(jdbc);
    }

    public void on(StaffMemberRegistered event) {
        projection.on(event);
    }
}
