package org.signoff.api.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * How the page writes times and steps for people. Every page has one as {@code format}: templates call its methods on
 * the instance, since Thymeleaf 3.1 refuses static classes ({@code T(...)}) in attributes such as {@code th:attr}.
 */
public final class PageFormat {

    static final PageFormat INSTANCE = new PageFormat();

    /** Each step of a ticket's history as people say it; a step not named here reads as its words. */
    private static final Map<String, String> STEPS = Map.ofEntries(
            Map.entry("SignOffStarted", "Sign-off opened"),
            Map.entry("SignOffMigrated", "Brought in from the old master list"),
            Map.entry("ReadingConfirmed", "Reading confirmed"),
            Map.entry("JobAccessRequested", "Access requested"),
            Map.entry("SandboxAccessGranted", "Sandbox access granted"),
            Map.entry("SandboxTestReported", "Sandbox test reported"),
            Map.entry("RetestRequested", "Retest requested"),
            Map.entry("ProductionUseApproved", "Approved for production"),
            Map.entry("ProductionUseDenied", "Denied"),
            Map.entry("RoleRequestSubmitted", "Role request submitted"),
            Map.entry("ProductionRoleUpdated", "Production role updated"),
            Map.entry("RequestWithdrawn", "Withdrawn"),
            Map.entry("ProductionUseRevoked", "Revoked"),
            Map.entry("ReminderIssued", "Reminder sent"),
            Map.entry("SandboxRunSeen", "Sandbox run seen in Alma"),
            Map.entry("TicketEscalated", "Escalated past its limit"),
            Map.entry("SandboxAccessExpired", "Sandbox access expired"),
            Map.entry("SignOffValidUntil", "Valid until a set day"),
            Map.entry("RecertificationRequested", "Recertification asked for"),
            Map.entry("ProductionUseRecertified", "Recertified"),
            Map.entry("ProductionUseLapsed", "Lapsed"),
            Map.entry("RequesterLeft", "Requester left"),
            Map.entry("ReattestationRequired", "New version of a reading to confirm"),
            Map.entry("ProductionUseSuspended", "Suspended"),
            Map.entry("ProductionUseReinstated", "Reinstated"),
            Map.entry("ProductionRolesTakenBack", "Production roles taken back in Alma"));

    private PageFormat() {}

    /** How long something has waited, as people say it: 3 d 4 h, 2 h 5 min, 7 min, 40 s. */
    public String age(Duration age) {
        if (age == null) {
            return "";
        }
        if (age.toDays() > 0) {
            return age.toDays() + " d " + age.toHoursPart() + " h";
        }
        if (age.toHours() > 0) {
            return age.toHours() + " h " + age.toMinutesPart() + " min";
        }
        if (age.toMinutes() > 0) {
            return age.toMinutes() + " min";
        }
        return age.toSeconds() + " s";
    }

    /** A day, in UTC: 2026-11-23. */
    public String date(Instant at) {
        return at == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(at.atZone(ZoneOffset.UTC));
    }

    /** A moment, in UTC to the minute: 2026-11-23 09:00 UTC. */
    public String dateTime(Instant at) {
        return at == null
                ? ""
                : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(at.atZone(ZoneOffset.UTC));
    }

    /** A status or an outcome as words: {@code AWAITING_REVIEW} → {@code awaiting review}. */
    public String words(Object status) {
        return status == null
                ? ""
                : String.valueOf(status).toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** A step of a ticket's history (its event's name) as people say it: {@code SandboxTestReported} → Sandbox test reported. */
    public String step(String event) {
        String named = STEPS.get(event);
        if (named != null || event == null) {
            return named == null ? "" : named;
        }
        String spaced = event.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** A bar's width in percent of the longest, at least 1 so that a short wait still shows. */
    public long percent(Duration value, Duration longest) {
        if (value == null || longest == null || longest.isZero()) {
            return 1;
        }
        return Math.max(1, Math.round(100.0 * value.toMillis() / Math.max(1, longest.toMillis())));
    }
}
