package org.signoff.api.security;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import org.signoff.api.institution.Institutions;
import org.signoff.client.api.ClientId;
import org.signoff.client.api.Operation;
import org.signoff.common.InstitutionScope;

/**
 * API keys: {@code X-API-Key: <client id>.<secret>}, or the same as a bearer credential. A key opens the operations its client was granted, as long as
 * the client is not revoked; a person's own key stops at what their roles allow (managing clients needs ADMIN), and
 * an integration's never opens the management of clients, webhooks and read models.
 * Both are read from the database on every request, so a revocation or a role change counts from the next one.
 */
@Component
public class ApiKeys {

    static final String HEADER = "X-API-Key";

    /** Between a member institution's code and its client's id in a key. */
    private static final char MEMBER_SEPARATOR = ':';

    private static final String BEARER = "Bearer ";

    private final ApiClientLookup clients;
    private final CredentialStore credentials;
    private final Callers callers;
    private final Institutions institutions;
    private final Clock clock;

    ApiKeys(ApiClientLookup clients, CredentialStore credentials, Callers callers, Institutions institutions) {
        this.clients = clients;
        this.credentials = credentials;
        this.callers = callers;
        this.institutions = institutions;
        this.clock = Clock.systemUTC();
    }

    /**
     * The API key a request presents, not yet checked, or null: in {@code X-API-Key}, or as a bearer credential
     * ({@code Authorization: Bearer <client id>.<secret>}, as Prometheus and other tools send their one token). A
     * bearer credential that is a JWT is the identity provider's: its header, base64url JSON, begins {@code eyJ},
     * which no client id (lower case) does.
     */
    static String keyOf(HttpServletRequest request) {
        String key = request.getHeader(HEADER);
        if (key != null) {
            return key;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String credential = authorization.substring(BEARER.length()).trim();
            return credential.isEmpty() || isJwt(credential) ? null : credential;
        }
        return null;
    }

    static boolean isJwt(String bearerCredential) {
        return bearerCredential.startsWith("eyJ");
    }

    /**
     * The key to present for a client: {@code <client id>.<secret>}, and a member institution's
     * {@code <institution>:<client id>.<secret>}, since its client ids are its own.
     */
    public static String keyText(ClientId client, String secret) {
        return client.value().replace(InstitutionScope.SEPARATOR, MEMBER_SEPARATOR) + "." + secret;
    }

    /** The key a request presents, not yet checked; null when it presents none. */
    Authentication presented(HttpServletRequest request) {
        String key = keyOf(request);
        if (key == null) {
            return null;
        }
        return presented(key).orElseThrow(() -> new BadCredentialsException("An API key is <client id>.<secret>"));
    }

    /** A key's client (as the engine keys it, {@link #keyText}) and secret, unchecked; empty when not a key. */
    private static Optional<Authentication> presented(String key) {
        int dot = key.lastIndexOf('.');
        if (dot <= 0 || dot == key.length() - 1) {
            return Optional.empty();
        }
        String client = key.substring(0, dot);
        int member = client.indexOf(MEMBER_SEPARATOR);
        if (client.indexOf(InstitutionScope.SEPARATOR) >= 0 || member != client.lastIndexOf(MEMBER_SEPARATOR)) {
            return Optional.empty();
        }
        return Optional.of(UsernamePasswordAuthenticationToken.unauthenticated(
                client.replace(MEMBER_SEPARATOR, InstitutionScope.SEPARATOR), key.substring(dot + 1)));
    }

    /** The caller behind a presented key, or a refusal that says no more than "bad key". */
    Authentication authenticate(Authentication presented) throws AuthenticationException {
        ClientId clientId = ClientId.of(String.valueOf(presented.getPrincipal()));
        String secret = String.valueOf(presented.getCredentials());
        ApiClientLookup.Client client = clients.find(clientId)
                .filter(found -> !found.revoked())
                .filter(found -> credentials.matches(clientId, secret, clock.instant()))
                .orElseThrow(() -> new BadCredentialsException("Unknown, revoked or wrong API key"));
        Caller caller = new Caller(
                client.clientId(),
                client.staffId(),
                client.actsForAnyone(),
                client.actsForUnits(),
                institutions.scopeOf(client.institution()));
        List<SimpleGrantedAuthority> authorities = operations(client).stream()
                .map(operation -> new SimpleGrantedAuthority(operation.value()))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities);
    }

    /**
     * A key typed into the page's sign-in form: the caller behind it, if it is a person's own key. An integration's
     * key does not sign anyone in.
     */
    Optional<Authentication> signIn(String key) {
        try {
            Optional<Authentication> presented = key == null ? Optional.empty() : presented(key);
            if (presented.isEmpty()) {
                return Optional.empty();
            }
            Authentication caller = authenticate(presented.get());
            return ((Caller) caller.getPrincipal()).isPerson() ? Optional.of(caller) : Optional.empty();
        } catch (AuthenticationException refused) {
            return Optional.empty();
        }
    }

    /**
     * The caller of a page session signed in earlier with this client's key, read anew at every request: a revoked
     * key, a role taken away or a departure counts at once. Empty once the client is revoked.
     */
    public Optional<Authentication> signedIn(ClientId clientId) {
        return clients.find(clientId)
                .filter(found -> !found.revoked() && found.staffId() != null)
                .map(client -> UsernamePasswordAuthenticationToken.authenticated(
                        new Caller(
                                client.clientId(),
                                client.staffId(),
                                client.actsForAnyone(),
                                client.actsForUnits(),
                                institutions.scopeOf(client.institution())),
                        null,
                        operations(client).stream()
                                .map(operation -> new SimpleGrantedAuthority(operation.value()))
                                .toList()));
    }

    /**
     * An integration's grant without {@code clients:write}, which only an administrator's own credential opens (the
     * engine refuses to grant it to an integration; one registered before that rule holds it to no effect).
     */
    private Set<Operation> operations(ApiClientLookup.Client client) {
        if (client.staffId() != null) {
            return callers.operationsOf(client.staffId(), client.operations());
        }
        Set<Operation> operations = EnumSet.noneOf(Operation.class);
        operations.addAll(client.operations());
        operations.remove(Operation.CLIENTS_WRITE);
        operations.remove(Operation.CONSORTIUM_WRITE);
        if (!institutions.scopeOf(client.institution()).isDefault()) {
            operations.remove(Operation.CONSORTIUM_READ); // the consortium's are read from the default institution
        }
        return operations;
    }
}
