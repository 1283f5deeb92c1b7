package org.signoff;

import java.util.List;

import org.signoff.catalog.Job;
import org.signoff.catalog.TrainingClass;
import org.signoff.client.ApiClient;
import org.signoff.consortium.SharedJob;
import org.signoff.institution.Institution;
import org.signoff.staff.StaffMember;
import org.signoff.ticket.SignOffTicket;

/** The aggregates of the domain, for the application to register with Axon. */
public final class ApprovalDomain {

    public static final List<Class<?>> AGGREGATES = List.of(
            SignOffTicket.class,
            Job.class,
            StaffMember.class,
            ApiClient.class,
            TrainingClass.class,
            Institution.class,
            SharedJob.class);

    private ApprovalDomain() {}
}
