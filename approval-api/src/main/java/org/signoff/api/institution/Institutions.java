package org.signoff.api.institution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.signoff.api.ApprovalProperties;
import org.signoff.api.lookup.LookupConfiguration;
import org.signoff.common.InstitutionCode;
import org.signoff.common.InstitutionScope;
import org.signoff.institution.api.AnalyticsSharingSet;
import org.signoff.institution.api.InstitutionRegistered;
import org.signoff.storage.Columns;

/** Table {@code lookup_institution}: the members registered besides the default institution. */
@Component
@ProcessingGroup(LookupConfiguration.PROCESSING_GROUP)
public class Institutions {

    /** A member institution as the registry shows it. */
    public record Member(InstitutionCode code, String name, Instant registeredAt) {}

    private final JdbcClient jdbc;
    private final InstitutionScope defaultScope;

    Institutions(JdbcClient jdbc, ApprovalProperties properties) {
        this.jdbc = jdbc;
        this.defaultScope = new InstitutionScope(properties.institution().defaultInstitution(), true);
    }

    /** The deployment's own institution, whose keys are bare. */
    public InstitutionScope defaultScope() {
        return defaultScope;
    }

    /** The scope of an institution the engine holds (the caller's credential named it). */
    public InstitutionScope scopeOf(InstitutionCode code) {
        return code.equals(defaultScope.code()) ? defaultScope : new InstitutionScope(code, false);
    }

    /** The institution whose key this is: a member's keys name it, the default institution's are bare. */
    public InstitutionScope ofKey(String key) {
        return InstitutionScope.memberOf(key).map(this::scopeOf).orElse(defaultScope);
    }

    /** The scope of a code, if the engine holds that institution (the default one, or a registered member). */
    public Optional<InstitutionScope> find(InstitutionCode code) {
        if (code.equals(defaultScope.code())) {
            return Optional.of(defaultScope);
        }
        return member(code).map(member -> new InstitutionScope(member.code(), false));
    }

    public Optional<Member> member(InstitutionCode code) {
        return jdbc.sql("SELECT * FROM lookup_institution WHERE code = ?")
                .param(code.value())
                .query(Institutions::member)
                .optional();
    }

    /** The members, by code. */
    public List<Member> members() {
        return jdbc.sql("SELECT * FROM lookup_institution ORDER BY code")
                .query(Institutions::member)
                .list();
    }

    /** Whether the engine holds more than its default institution. */
    public boolean holdsMembers() {
        return jdbc.sql("SELECT COUNT(*) FROM lookup_institution")
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static Member member(ResultSet rs, int row) throws SQLException {
        return new Member(
                InstitutionCode.of(rs.getString("code")), rs.getString("name"), Columns.instant(rs, "registered_at"));
    }

    /** The institutions that share their numbers with the consortium, by code. */
    public List<InstitutionScope> sharingAnalytics() {
        return jdbc.sql("SELECT code FROM lookup_analytics_sharing WHERE shares ORDER BY code")
                .query((rs, row) -> scopeOf(InstitutionCode.of(rs.getString(1))))
                .list();
    }

    public boolean sharesAnalytics(InstitutionCode code) {
        return jdbc.sql("SELECT shares FROM lookup_analytics_sharing WHERE code = ?")
                .param(code.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    @EventHandler
    void on(AnalyticsSharingSet event) {
        if (jdbc.sql("UPDATE lookup_analytics_sharing SET shares = ? WHERE code = ?")
                        .params(event.shares(), event.code().value())
                        .update()
                == 0) {
            jdbc.sql("INSERT INTO lookup_analytics_sharing (code, shares) VALUES (?, ?)")
                    .params(event.code().value(), event.shares())
                    .update();
        }
    }

    @EventHandler
    void on(InstitutionRegistered event, @Timestamp Instant at) {
        jdbc.sql("INSERT INTO lookup_institution (code, name, registered_at) VALUES (?, ?, ?)")
                .params(event.code().value(), event.name(), Columns.utc(at))
                .update();
    }
}
