package org.signoff.api.alma;

import java.util.List;

/**
 * What the engine needs of an Alma user record: its primary id and its roles ({@code user_role}).
 *
 * @param primaryId the login the person uses in Alma
 * @param roles     every role of the record, active or not
 */
public record AlmaUser(String primaryId, List<Role> roles) {

    public AlmaUser {
        roles = List.copyOf(roles);
    }

    /**
     * One {@code user_role}, by the codes of Alma's code tables (the descriptions are for people).
     *
     * @param roleType   {@code role_type.value}, e.g. {@code 214}
     * @param scope      {@code scope.value}, the institution or library the role applies in
     * @param status     {@code status.value}, {@code ACTIVE} or {@code INACTIVE}
     * @param parameters the role's parameters, e.g. its service unit
     */
    public record Role(String roleType, String scope, String status, List<Parameter> parameters) {

        public Role {
            parameters = List.copyOf(parameters);
        }

        /** The same role whatever its status: type, scope and parameters (in any order) alike. */
        public boolean sameAs(Role other) {
            return java.util.Objects.equals(roleType, other.roleType)
                    && java.util.Objects.equals(scope, other.scope)
                    && new java.util.HashSet<>(parameters).equals(new java.util.HashSet<>(other.parameters));
        }
    }

    /** A role's {@code parameter}: its {@code type}, {@code scope} and {@code value}, as their codes. */
    public record Parameter(String type, String scope, String value) {}
}
