package org.signoff.api.alma;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One webhook post of Alma's, as the engine keeps it: its {@code id} (the same on every retry), its {@code action}
 * ({@code JOB_END}, {@code USER}, {@code NOTIFICATION}, …), its {@code event} code if it has one, and its
 * {@code time}; for a {@code JOB_END}, the job instance it carries. Nothing of a person but an Alma user id.
 *
 * @param id          Alma's id of the notification
 * @param action      what it is about, e.g. {@code JOB_END}
 * @param event       {@code event.value}, e.g. {@code USER_UPDATED}, or null ({@code JOB_END} has none)
 * @param time        when Alma sent it, or null
 * @param jobInstance the run that ended, for a {@code JOB_END}; else null
 */
record AlmaNotification(String id, String action, String event, Instant time, AlmaJobInstance jobInstance) {

    static final String JOB_END = "JOB_END";

    /** Longest id or code kept: Alma's ids are about 20 digits; longer is not Alma. */
    private static final int LONGEST = 100;

    /** The notification in a post's JSON, or {@link AlmaNotificationUnreadable} saying what is missing. */
    static AlmaNotification read(JsonNode post) {
        if (post == null || !post.isObject()) {
            throw new AlmaNotificationUnreadable("the body is not a JSON object");
        }
        String id = required(post, "id");
        if (id.indexOf('/') >= 0) {
            // kept keyed by the institution (01BLC_BU/<id>): a slash would let one institution's id pose as another's
            throw new AlmaNotificationUnreadable("id holds a '/', which Alma's ids never do");
        }
        String action = required(post, "action");
        String event = bounded(AlmaJson.code(post.path("event")), "event");
        Instant time = AlmaJson.time(post.path("time"));
        if (!JOB_END.equals(action)) {
            return new AlmaNotification(id, action, event, time, null);
        }
        JsonNode instance = post.path("job_instance");
        if (!instance.isObject()) {
            throw new AlmaNotificationUnreadable("a JOB_END without its job_instance");
        }
        AlmaJobInstance run = AlmaJson.jobInstance(instance);
        bounded(run.id(), "job_instance.id");
        bounded(run.jobId(), "job_instance.job_info.id");
        if (run.id() == null || run.jobId() == null) {
            throw new AlmaNotificationUnreadable("a JOB_END without job_instance.id and job_instance.job_info.id");
        }
        return new AlmaNotification(id, action, event, time, run);
    }

    private static String required(JsonNode post, String field) {
        String value = bounded(AlmaJson.text(post.path(field)), field);
        if (value == null || value.isBlank()) {
            throw new AlmaNotificationUnreadable("no " + field);
        }
        return value;
    }

    private static String bounded(String value, String field) {
        if (value != null && value.length() > LONGEST) {
            throw new AlmaNotificationUnreadable(field + " is longer than " + LONGEST + " characters");
        }
        return value;
    }
}
