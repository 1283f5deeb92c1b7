package org.signoff.api.alma;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Roles added to or taken from a user record as Alma sent it, touching only its {@code user_role}: Alma replaces the
 * whole user with what is written back, so every other field, known to the engine or not, goes back as it came. A
 * role is the same as another by its type, scope and parameters; its status is what adding may change.
 */
final class AlmaUserRoles {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ACTIVE = "ACTIVE";

    private AlmaUserRoles() {}

    /** The record with each role active: an inactive one made active, a missing one added; the rest as it was. */
    static ObjectNode add(ObjectNode user, Collection<AlmaUser.Role> roles) {
        ArrayNode held = roles(user);
        for (AlmaUser.Role wanted : roles) {
            JsonNode same = null;
            for (JsonNode role : held) {
                if (sameRole(role, wanted)) {
                    same = role;
                    break;
                }
            }
            if (same == null) {
                held.add(node(wanted));
            } else if (!ACTIVE.equals(AlmaJson.role(same).status())) {
                ((ObjectNode) same).set("status", NODES.objectNode().put("value", ACTIVE));
            }
        }
        return user;
    }

    /** The record without these roles, whatever their status; one it does not hold changes nothing. */
    static ObjectNode remove(ObjectNode user, Collection<AlmaUser.Role> roles) {
        ArrayNode held = roles(user);
        for (int i = held.size() - 1; i >= 0; i--) {
            JsonNode role = held.get(i);
            if (roles.stream().anyMatch(unwanted -> sameRole(role, unwanted))) {
                held.remove(i);
            }
        }
        return user;
    }

    /** The record's {@code user_role} as a list, made one if Alma wrote a single role as the object alone. */
    private static ArrayNode roles(ObjectNode user) {
        JsonNode roles = user.path("user_role");
        if (roles.isArray()) {
            return (ArrayNode) roles;
        }
        ArrayNode list = NODES.arrayNode();
        if (roles.isObject()) {
            list.add(roles);
        }
        user.set("user_role", list);
        return list;
    }

    private static boolean sameRole(JsonNode role, AlmaUser.Role wanted) {
        return AlmaJson.role(role).sameAs(wanted);
    }

    /** A role as Alma takes it: each code as {@code {"value": …}}, Alma fills in the descriptions. */
    private static ObjectNode node(AlmaUser.Role role) {
        ObjectNode node = NODES.objectNode();
        node.set("status", code(ACTIVE));
        node.set("scope", code(role.scope()));
        node.set("role_type", code(role.roleType()));
        List<JsonNode> parameters = new ArrayList<>();
        for (AlmaUser.Parameter parameter : role.parameters()) {
            ObjectNode p = NODES.objectNode();
            p.set("type", code(parameter.type()));
            if (parameter.scope() != null) {
                p.set("scope", code(parameter.scope()));
            }
            p.set("value", code(parameter.value()));
            parameters.add(p);
        }
        node.set("parameter", NODES.arrayNode().addAll(parameters));
        return node;
    }

    private static ObjectNode code(String value) {
        return NODES.objectNode().put("value", value);
    }
}
