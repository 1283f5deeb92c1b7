package org.signoff.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import org.signoff.common.InstitutionCode;

/**
 * A room's part of each member institution's settings, {@code approval.members[n].<part>}, bound to the same record
 * as the default institution's (so a member's Alma is set as the default's {@code approval.alma} is, key by key).
 */
public final class MemberSettings {

    private MemberSettings() {}

    /** Each member's {@code part}, by code; a member that sets none of it gets the record's defaults. */
    public static <T> Map<InstitutionCode, T> of(
            Environment environment, ApprovalProperties properties, String part, Class<T> type) {
        Binder binder = Binder.get(environment);
        Map<InstitutionCode, T> bound = new LinkedHashMap<>();
        List<ApprovalProperties.Member> members = properties.members();
        for (int i = 0; i < members.size(); i++) {
            bound.put(members.get(i).institution(), binder.bindOrCreate("approval.members[" + i + "]." + part, type));
        }
        return bound;
    }
}
