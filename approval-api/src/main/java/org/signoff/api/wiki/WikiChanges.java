package org.signoff.api.wiki;

import java.time.Instant;
import java.util.Set;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

import org.signoff.api.institution.Institutions;
import org.signoff.catalog.api.JobChanged;
import org.signoff.catalog.api.JobRegistered;
import org.signoff.catalog.api.JobRetired;
import org.signoff.common.InstitutionCode;
import org.signoff.common.InstitutionScope;
import org.signoff.common.MessageMetaData;
import org.signoff.staff.api.StaffMemberChanged;
import org.signoff.staff.api.StaffMemberErased;
import org.signoff.staff.api.StaffMemberRegistered;
import org.signoff.ticket.api.ProductionRoleUpdated;
import org.signoff.ticket.api.ProductionUseApproved;
import org.signoff.ticket.api.ProductionUseDenied;
import org.signoff.ticket.api.ProductionUseLapsed;
import org.signoff.ticket.api.ProductionUseRecertified;
import org.signoff.ticket.api.ProductionUseReinstated;
import org.signoff.ticket.api.ProductionUseRevoked;
import org.signoff.ticket.api.ProductionUseSuspended;
import org.signoff.ticket.api.RequestWithdrawn;
import org.signoff.ticket.api.RequesterLeft;
import org.signoff.ticket.api.SignOffMigrated;

/**
 * Counts the master list's changes from the event stream: a tracking processor of its own, whose token (and the
 * count, in the same transaction) survives a restart, and which runs on one node at a time. It writes nothing to
 * Confluence itself; {@link WikiPublisher} publishes once a burst of changes has settled. Never replayed: the page is
 * rendered whole from the read model, so old changes have nothing to add.
 */
@Component
@ProcessingGroup(WikiChanges.PROCESSING_GROUP)
@DisallowReplay
class WikiChanges {

    static final String PROCESSING_GROUP = "wiki-publisher";

    /** The events the master list's read model shows on the page: jobs, people's names and units, sign-offs. */
    private static final Set<Class<?>> CHANGE_THE_LIST = Set.of(
            JobRegistered.class,
            JobChanged.class,
            JobRetired.class,
            StaffMemberRegistered.class,
            StaffMemberChanged.class,
            StaffMemberErased.class,
            ProductionUseApproved.class,
            SignOffMigrated.class,
            ProductionRoleUpdated.class,
            ProductionUseRevoked.class,
            ProductionUseDenied.class,
            RequestWithdrawn.class,
            ProductionUseLapsed.class,
            RequesterLeft.class,
            ProductionUseSuspended.class,
            ProductionUseReinstated.class,
            ProductionUseRecertified.class);

    private final WikiPublications publications;
    private final WikiPublisher publisher;
    private final Institutions institutions;

    WikiChanges(WikiPublications publications, WikiPublisher publisher, Institutions institutions) {
        this.publications = publications;
        this.publisher = publisher;
        this.institutions = institutions;
    }

    /** A change counts on its institution's page: the default's always, a member's when it has a page. */
    @EventHandler
    void on(Object event, @Timestamp Instant at, @MetaDataValue(MessageMetaData.INSTITUTION) String institution) {
        if (!CHANGE_THE_LIST.contains(event.getClass())) {
            return;
        }
        // an event from before institutions names none: the default institution's
        InstitutionScope of = institution == null
                ? institutions.defaultScope()
                : institutions.scopeOf(InstitutionCode.of(institution));
        if (of.isDefault() || publisher.publishes(of)) {
            publications.changed(publications.of(of), at);
        }
    }
}
