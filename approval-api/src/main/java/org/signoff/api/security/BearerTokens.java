package org.signoff.api.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

import org.signoff.api.ApprovalProperties;
import org.signoff.api.institution.Institutions;
import org.signoff.client.api.ClientId;
import org.signoff.client.api.Operation;
import org.signoff.common.InstitutionCode;
import org.signoff.common.InstitutionScope;
import org.signoff.lookup.StaffDirectory;
import org.signoff.staff.api.StaffId;

/**
 * Bearer tokens (JWT) from the deployment's identity provider, when one is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.*}): signature, issuer and expiry are checked by Spring
 * Security; the staff id is the claim {@code approval.security.token-staff-claim} (default {@code sub}), and must be
 * a person of the directory. The caller acts as that person, as with their own key; the client recorded is the
 * token's {@code azp} (or {@code client_id}), else {@code bearer-token}.
 */
@Component
class BearerTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final ClientId NO_CLIENT_NAMED = ClientId.of("bearer-token");

    private final StaffDirectory directory;
    private final Callers callers;
    private final String staffClaim;
    private final String institutionClaim;
    private final Institutions institutions;

    BearerTokens(StaffDirectory directory, Callers callers, ApprovalProperties properties, Institutions institutions) {
        this.directory = directory;
        this.callers = callers;
        this.staffClaim = properties.security().tokenStaffClaim();
        this.institutionClaim = properties.security().tokenInstitutionClaim();
        this.institutions = institutions;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        String staffId = token.getClaimAsString(staffClaim);
        if (staffId == null || staffId.isBlank()) {
            throw new InvalidBearerTokenException("The token has no '" + staffClaim + "' claim");
        }
        InstitutionScope institution = institution(token);
        StaffId person;
        try {
            person = StaffId.of(institution.key(staffId));
        } catch (InstitutionScope.ForeignKey notAnId) {
            throw new InvalidBearerTokenException("The token's person is not in the directory");
        }
        if (directory.find(person).isEmpty()) {
            throw new InvalidBearerTokenException("The token's person is not in the directory");
        }
        Caller caller = new Caller(client(token, institution), person, false, Set.of(), institution);
        List<SimpleGrantedAuthority> authorities = callers.operationsOf(person, EnumSet.allOf(Operation.class)).stream()
                .map(operation -> new SimpleGrantedAuthority(operation.value()))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(caller, token, authorities);
    }

    /**
     * The institution the token names, which the engine must hold (an identity provider's mistake is refused, never
     * taken as the default). A token naming none acts in the default institution while that is the only one; once the
     * engine holds members it is refused: it could be any member's person.
     */
    private InstitutionScope institution(Jwt token) {
        String named = token.getClaimAsString(institutionClaim);
        if (named == null) {
            if (institutions.holdsMembers()) {
                throw new InvalidBearerTokenException(
                        "The token names no institution ('" + institutionClaim + "'), and the engine holds several");
            }
            return institutions.defaultScope();
        }
        try {
            return institutions
                    .find(InstitutionCode.of(named))
                    .orElseThrow(() ->
                            new InvalidBearerTokenException("The token's institution is not one of this engine's"));
        } catch (IllegalArgumentException malformed) {
            throw new InvalidBearerTokenException("The token's institution is not one of this engine's");
        }
    }

    /** The client the token names, as the institution's: its refusals and events are the institution's. */
    private static ClientId client(Jwt token, InstitutionScope institution) {
        for (String claim : List.of("azp", "client_id")) {
            String value = token.getClaimAsString(claim);
            if (value != null && !value.isBlank() && value.indexOf(InstitutionScope.SEPARATOR) < 0) {
                return ClientId.of(institution.key(value));
            }
        }
        return ClientId.of(institution.key(NO_CLIENT_NAMED.value()));
    }
}
