package org.signoff.api.alma;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Alma's JSON into the records, reading only the fields they hold: Alma adds fields over time, and a record
 * without a field reads as null or an empty list rather than failing.
 */
final class AlmaJson {

    private AlmaJson() {}

    static AlmaUser user(JsonNode user) {
        List<AlmaUser.Role> roles = new ArrayList<>();
        for (JsonNode role : list(user.path("user_role"))) {
            roles.add(role(role));
        }
        return new AlmaUser(text(user.path("primary_id")), roles);
    }

    /** One {@code user_role} of a user record. */
    static AlmaUser.Role role(JsonNode role) {
        List<AlmaUser.Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : list(role.path("parameter"))) {
            parameters.add(new AlmaUser.Parameter(
                    code(parameter.path("type")), code(parameter.path("scope")), code(parameter.path("value"))));
        }
        return new AlmaUser.Role(
                code(role.path("role_type")), code(role.path("scope")), code(role.path("status")), parameters);
    }

    static AlmaJobInstance jobInstance(JsonNode instance) {
        List<AlmaJobInstance.Counter> counters = new ArrayList<>();
        for (JsonNode counter : list(instance.path("counter"))) {
            counters.add(new AlmaJobInstance.Counter(
                    code(counter.path("type")), text(counter.path("type").path("desc")), text(counter.path("value"))));
        }
        return new AlmaJobInstance(
                text(instance.path("id")),
                text(instance.path("job_info").path("id")),
                code(instance.path("status")),
                code(instance.path("submitted_by")),
                time(instance.path("start_time")),
                time(instance.path("end_time")),
                counters);
    }

    /**
     * Alma's first error of an error body ({@code errorsExist}, {@code errorList.error[]}) as its code and message,
     * or null when the body is not one.
     */
    static String[] firstError(JsonNode body) {
        for (JsonNode error : list(body.path("errorList").path("error"))) {
            String code = text(error.path("errorCode"));
            if (code != null) {
                String message = text(error.path("errorMessage"));
                return new String[] {code, message == null ? "" : message.strip()};
            }
        }
        return null;
    }

    /** Alma writes a list of one as a list, but older answers (and XML turned JSON) as the object alone. */
    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (node.isObject()) {
            items.add(node);
        }
        return items;
    }

    /** A field of a code table, {@code {"value": …, "desc": …}}, or the bare value. */
    static String code(JsonNode node) {
        return node.isObject() ? text(node.path("value")) : text(node);
    }

    static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    static Instant time(JsonNode node) {
        String text = text(node);
        try {
            return text == null || text.isBlank() ? null : Instant.parse(text);
        } catch (DateTimeParseException notATime) {
            return null;
        }
    }
}
