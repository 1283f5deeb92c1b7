package org.signoff.api.alma;

import org.signoff.catalog.api.AlmaRole;

/** A role as the catalog names it and as Alma's user record holds it: the same codes, Alma's with a status. */
final class CatalogRoles {

    private CatalogRoles() {}

    /** The catalog's role as an active role of a user. */
    static AlmaUser.Role inAlma(AlmaRole role) {
        return new AlmaUser.Role(
                role.roleType(),
                role.scope(),
                "ACTIVE",
                role.parameters().stream()
                        .map(p -> new AlmaUser.Parameter(p.type(), p.scope(), p.value()))
                        .toList());
    }

    /** A user's role as the catalog and the events name it: without its status. */
    static AlmaRole inCatalog(AlmaUser.Role role) {
        return new AlmaRole(
                role.roleType(),
                role.scope(),
                role.parameters().stream()
                        .map(p -> new AlmaRole.Parameter(p.type(), p.scope(), p.value()))
                        .toList());
    }
}
