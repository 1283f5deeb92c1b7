package org.signoff.api.alma;

import java.util.Map;

import org.springframework.http.HttpStatus;

import org.signoff.api.problem.ProblemException;

/**
 * The step cannot act in Alma for want of a fact the engine keeps: the job names no roles for the environment, or
 * the requester has no Alma primary id. 422: an administrator sets it, or the step is taken by hand.
 */
class AlmaRolesNotSet extends ProblemException {

    private AlmaRolesNotSet(String code, String detail, AlmaEnvironment environment) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, code, detail, Map.of("environment", environment.label()));
    }

    static AlmaRolesNotSet noRoles(String jobId, AlmaEnvironment environment, String instead) {
        return new AlmaRolesNotSet(
                "ALMA_ROLES_NOT_SET",
                "Job '" + jobId + "' names no " + environment.label() + " roles in its Alma side (PUT /jobs/" + jobId
                        + "/alma-side): " + instead,
                environment);
    }

    static AlmaRolesNotSet noPrimaryId(AlmaEnvironment environment, String instead) {
        return new AlmaRolesNotSet(
                "ALMA_PRIMARY_ID_NOT_SET",
                "The requester has no Alma primary id (PUT /staff/{staffId}/alma-primary-id): " + instead,
                environment);
    }
}
