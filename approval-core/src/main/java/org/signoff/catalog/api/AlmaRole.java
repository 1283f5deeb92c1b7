package org.signoff.catalog.api;

import java.util.List;

/**
 * A role a job needs in Alma, as Alma's {@code user_role} describes it, by the codes of Alma's code tables (the
 * words AlmaUser reads a user's roles with).
 *
 * @param roleType   {@code role_type.value}, e.g. {@code 51}
 * @param scope      {@code scope.value}: the institution or library code the role applies in
 * @param parameters the role's {@code parameter}s, e.g. a job category
 */
public record AlmaRole(String roleType, String scope, List<Parameter> parameters) {

    public AlmaRole {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }

    /**
     * One {@code parameter} of a role.
     *
     * @param type  {@code type.value}, e.g. {@code JobCategory}
     * @param scope {@code scope.value}, may be null
     * @param value {@code value.value}
     */
    public record Parameter(String type, String scope, String value) {}
}
