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
import org.signoff.client.api.ClientId;
import org.signoff.client.api.Operation;
import org.signoff.common.InstitutionCode;
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
    private final InstitutionCode defaultInstitution;

    BearerTokens(StaffDirectory directory, Callers callers, ApprovalProperties properties) {
        this.directory = directory;
        this.callers = callers;
        this.staffClaim = properties.security().tokenStaffClaim();
        this.institutionClaim = properties.security().tokenInstitutionClaim();
        this.defaultInstitution = properties.institution().defaultInstitution();
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        String staffId = token.getClaimAsString(staffClaim);
        if (staffId == null || staffId.isBlank()) {
            throw new InvalidBearerTokenException("The token has no '" + staffClaim + "' claim");
        }
        StaffId person = StaffId.of(staffId);
        if (directory.find(person).isEmpty()) {
            throw new InvalidBearerTokenException("The token's person is not in the directory");
        }
        Caller caller = new Caller(client(token), person, false, Set.of(), institution(token));
        List<SimpleGrantedAuthority> authorities = callers.operationsOf(person, EnumSet.allOf(Operation.class)).stream()
                .map(operation -> new SimpleGrantedAuthority(operation.value()))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(caller, token, authorities);
    }

    /**
     * The institution the token names; none, the default one. The engine holds one institution so far: a token of
     * another is refused as the identity provider's mistake, never taken as the default.
     */
    private InstitutionCode institution(Jwt token) {
        String named = token.getClaimAsString(institutionClaim);
        if (named == null || named.equals(defaultInstitution.value())) {
            return defaultInstitution;
        }
        throw new InvalidBearerTokenException("The token's institution is not one of this engine's");
    }

    private static ClientId client(Jwt token) {
        for (String claim : List.of("azp", "client_id")) {
            String value = token.getClaimAsString(claim);
            if (value != null && !value.isBlank()) {
                return ClientId.of(value);
            }
        }
        return NO_CLIENT_NAMED;
    }
}
