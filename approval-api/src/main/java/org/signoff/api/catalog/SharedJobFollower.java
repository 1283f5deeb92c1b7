package org.signoff.api.catalog;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import org.signoff.api.command.EngineCommands;
import org.signoff.api.institution.Institutions;
import org.signoff.catalog.api.ChangeJob;
import org.signoff.catalog.api.JobChanged;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.common.CommandRejected;
import org.signoff.common.InstitutionCode;
import org.signoff.common.InstitutionScope;
import org.signoff.common.MessageMetaData;
import org.signoff.common.Rejection;
import org.signoff.consortium.api.SharedJobChanged;
import org.signoff.lookup.CatalogEntry;
import org.signoff.lookup.JobCatalog;
import org.signoff.lookup.TicketSlots;
import org.signoff.ticket.api.RequireReattestation;
import org.signoff.ticket.api.TicketId;

/**
 * Brings a shared job's new version to every job that adopted it, in each institution under its own rules: the job
 * changes (keeping the institution's own notes) as its adopter's change, asked for when they adopted it, and once that
 * change is stored each sign-off resting on a reading now outdated is asked to confirm the new one, as a change by hand
 * would. A job whose
 * adopter may no longer change it (left, or lost the role) stays at its version, said in the log: its institution
 * changes it by hand. A processor of its own, from the head of the store: versions from now on.
 */
@Component
@ProcessingGroup(SharedJobFollower.PROCESSING_GROUP)
class SharedJobFollower {

    static final String PROCESSING_GROUP = "shared-jobs";

    /** The client the changes are recorded as coming from. */
    static final String CLIENT = "consortium";

    private static final Logger log = LoggerFactory.getLogger(SharedJobFollower.class);

    private final SharedJobs sharedJobs;
    private final JobCatalog catalog;
    private final TicketSlots slots;
    private final CommandGateway gateway;
    private final Institutions institutions;

    SharedJobFollower(
            SharedJobs sharedJobs,
            JobCatalog catalog,
            TicketSlots slots,
            CommandGateway gateway,
            Institutions institutions) {
        this.sharedJobs = sharedJobs;
        this.catalog = catalog;
        this.slots = slots;
        this.gateway = gateway;
        this.institutions = institutions;
    }

    @EventHandler
    void on(SharedJobChanged event) {
        for (SharedJobs.Adoption adoption : sharedJobs.adoptionsOf(event.sharedJobId())) {
            InstitutionScope adopter = institutions.ofKey(adoption.jobId().value());
            InstitutionCode institution = adopter.code();
            try {
                String notes = catalog.find(adoption.jobId())
                        .map(CatalogEntry::definition)
                        .map(JobDefinition::notes)
                        .orElse(event.definition().notes());
                send(
                        new ChangeJob(
                                adoption.jobId(),
                                SharedJobController.withNotes(event.definition(), notes),
                                adoption.adoptedBy()),
                        institution);
            } catch (CommandRejected refused) {
                log.warn(
                        "Job {} of institution {} stays at its version of shared job {} ({}): its institution changes"
                                + " it by hand",
                        adopter.namesIn(adoption.jobId().value()),
                        institution,
                        event.sharedJobId().value(),
                        refused.rejection());
            }
        }
    }

    /**
     * The job changed as the consortium's version (its client says so): each sign-off resting on a reading now
     * outdated is asked to confirm the new one. A step of its own, once the change is stored, so the ticket reads the
     * job's new definition.
     */
    @EventHandler
    void on(
            JobChanged event,
            @MetaDataValue(MessageMetaData.CLIENT) String client,
            @MetaDataValue(MessageMetaData.INSTITUTION) String institution) {
        if (!CLIENT.equals(client)) {
            return;
        }
        for (TicketId ticket : slots.heldFor(event.jobId())) {
            try {
                send(new RequireReattestation(ticket, event.performedBy()), InstitutionCode.of(institution));
            } catch (CommandRejected refused) {
                if (refused.rejection() != Rejection.STEP_OUT_OF_ORDER) { // it ended meanwhile
                    log.warn("Ticket {} not asked to confirm the new version: {}", ticket, refused.rejection());
                }
            }
        }
    }

    /** As the consortium's client, within the adopting institution. */
    private void send(Object command, InstitutionCode institution) {
        gateway.sendAndWait(EngineCommands.within(institution, CLIENT, command));
    }
}
