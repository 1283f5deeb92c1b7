package org.signoff.api.command;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import org.signoff.api.durability.Durability;
import org.signoff.api.problem.RequestSizeLimit;
import org.signoff.api.security.Callers;
import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.TrainingClassId;
import org.signoff.client.api.ClientId;
import org.signoff.common.CommandRejected;
import org.signoff.common.InstitutionScope;
import org.signoff.common.MessageMetaData;
import org.signoff.common.Rejection;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.TicketId;

/**
 * The command gateway as controllers use it: commands go out for the caller of the request, naming the client that
 * sent them (the events they cause carry it), and honouring an {@code Idempotency-Key} ({@link IdempotencyKeys}). A
 * command for an existing ticket, job or person names what it expects to find: when the store has nothing under that
 * id, or something of another kind (tickets, jobs and people share the event store's id space), the caller gets
 * that kind's {@code UNKNOWN_*} rejection.
 */
@Component
public class Commands {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Pattern KEY_SYNTAX = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final CommandGateway gateway;
    private final Callers callers;
    private final IdempotencyKeys keys;
    private final Durability durability;

    Commands(CommandGateway gateway, Callers callers, IdempotencyKeys keys, Durability durability) {
        this.gateway = gateway;
        this.callers = callers;
        this.keys = keys;
        this.durability = durability;
    }

    /** Who performs a command whose body says {@code performedBy} (see {@link Callers#performer}). */
    public StaffId performer(String performedBy) {
        return callers.performer(performedBy);
    }

    /** The performer, who must be an administrator ({@code ROLE_REQUIRED}): "Only an administrator {action}". */
    public StaffId administrator(String performedBy, String action) {
        return callers.administrator(performedBy, action);
    }

    /** The caller's institution's ids: what the caller names, as the engine keys it ({@link Callers#ids}). */
    public InstitutionScope ids() {
        return callers.ids();
    }

    public JobId job(String id) {
        return callers.job(id);
    }

    public StaffId staff(String id) {
        return callers.staff(id);
    }

    public TicketId ticket(String id) {
        return callers.ticket(id);
    }

    public ClientId client(String id) {
        return callers.client(id);
    }

    public TrainingClassId trainingClass(String id) {
        return callers.trainingClass(id);
    }

    /** A command that creates something; it has nothing to find. */
    public <R> R create(Object command) {
        Map<String, String> metaData = new HashMap<>(callers.metaData());
        Optional<HttpServletRequest> request = currentRequest();
        String key = request.map(r -> r.getHeader(IDEMPOTENCY_KEY)).orElse(null);
        if (key == null) {
            return send(command, metaData);
        }
        if (!KEY_SYNTAX.matcher(key).matches()) {
            throw IdempotencyRefused.invalid();
        }
        HttpServletRequest http = request.get();
        String hash = IdempotencyKeys.hash(http.getMethod(), http.getRequestURI(), RequestSizeLimit.bodyOf(http));
        String client = metaData.get(MessageMetaData.CLIENT);
        Optional<IdempotencyKeys.Remembered> remembered = keys.find(client, key);
        if (remembered.isPresent()) {
            return replay(remembered.get(), hash, key);
        }
        metaData.put(IdempotencyKeys.KEY, key);
        metaData.put(IdempotencyKeys.REQUEST_HASH, hash);
        try {
            return send(command, metaData);
        } catch (RuntimeException failure) {
            // the same request, sent twice at once: the other one was taken meanwhile, and answers for both
            Optional<IdempotencyKeys.Remembered> meanwhile = keys.find(client, key);
            if (meanwhile.isPresent()) {
                return replay(meanwhile.get(), hash, key);
            }
            throw failure;
        }
    }

    /**
     * A command whose answer must never be replayed from storage, e.g. one answered with a new secret, which is not
     * stored: {@code Idempotency-Key} is not taken. (A repeated client registration is refused as existing.)
     */
    public <R> R sendUnremembered(Rejection unknown, String kind, Object id, Object command) {
        try {
            return send(command, callers.metaData());
        } catch (AggregateNotFoundException | IncompatibleAggregateException notThere) {
            throw unknown.because("No " + kind + " '" + id + "'");
        }
    }

    /**
     * {@link #sendUnremembered} as one step of a sweep over many aggregates: a refusal as {@code passedOver} (one
     * that ended since the sweep found it, say) is not a failure, and answers {@code false}.
     */
    public boolean sendUnrememberedUnless(
            Rejection passedOver, Rejection unknown, String kind, Object id, Object command) {
        try {
            sendUnremembered(unknown, kind, id, command);
            return true;
        } catch (CommandRejected refused) {
            if (refused.rejection() != passedOver) {
                throw refused;
            }
            return false;
        }
    }

    /** A command to the {@code kind} (e.g. "ticket") with this {@code id}, refused as {@code unknown} if absent. */
    public <R> R sendTo(Rejection unknown, String kind, Object id, Object command) {
        try {
            return create(command);
        } catch (AggregateNotFoundException | IncompatibleAggregateException notThere) {
            throw unknown.because("No " + kind + " '" + id + "'");
        }
    }

    /**
     * Sends the command; one that lost a race for its aggregate's next sequence number (another node appended
     * between this node's look at the aggregate and its append) is sent once more: the rollback evicted the cached
     * aggregate, so the second attempt decides on the aggregate as stored, taken or refused by its rules. A second
     * race is the caller's ({@code 409 CONCURRENT_CHANGE}).
     */
    private <R> R send(Object command, Map<String, String> metaData) {
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
        try {
            return gateway.sendAndWait(message);
        } catch (ConcurrencyException lostTheRace) {
            return gateway.sendAndWait(message);
        }
    }

    /**
     * The answer remembered for a key, once it is stored: the first request may have committed it a moment ago and
     * still be waiting for the store (or have been answered 503 when the store failed), and a retry must not
     * acknowledge what a crash could still take back.
     */
    @SuppressWarnings("unchecked")
    private <R> R replay(IdempotencyKeys.Remembered remembered, String hash, String key) {
        if (!remembered.requestHash().equals(hash)) {
            throw IdempotencyRefused.reused(key);
        }
        durability.awaitCommitsStored();
        return (R) remembered.result();
    }

    private static Optional<HttpServletRequest> currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest())
                : Optional.empty();
    }
}
