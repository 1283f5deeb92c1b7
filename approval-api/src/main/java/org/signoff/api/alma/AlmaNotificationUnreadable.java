package org.signoff.api.alma;

import java.util.Map;

import org.springframework.http.HttpStatus;

import org.signoff.api.problem.ProblemException;

/** A signed post that is not a notification Alma sends (not JSON, no id, no action): 400. */
class AlmaNotificationUnreadable extends ProblemException {

    AlmaNotificationUnreadable(String why) {
        super(
                HttpStatus.BAD_REQUEST,
                "ALMA_NOTIFICATION_UNREADABLE",
                "The post is not an Alma webhook notification: " + why,
                Map.of());
    }
}
