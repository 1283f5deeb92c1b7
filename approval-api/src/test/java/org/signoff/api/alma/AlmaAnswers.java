package org.signoff.api.alma;

/**
 * Alma's answers as its REST API gives them, in the shapes of Ex Libris' Users and Configuration API pages and of
 * open-source clients: {@code user_role} as HSG-Library/alma-copy-user-roles types it, the job instance as
 * MITLibraries/alma-webhook-lambdas and pulibrary/bibdata carry it, the error body as bodleian/almapy and
 * pulibrary/bibdata's {@code bad_request.json} show it. Fields the engine does not read are kept, as Alma sends them.
 */
final class AlmaAnswers {

    private AlmaAnswers() {}

    static final String USER = """
            {
              "record_type": {"value": "PUBLIC", "desc": "Public"},
              "primary_id": "jdoe",
              "first_name": "Jo",
              "last_name": "Doe",
              "user_group": {"value": "STAFF", "desc": "Staff"},
              "status": {"value": "ACTIVE", "desc": "Active"},
              "user_role": [
                {
                  "status": {"value": "ACTIVE", "desc": "Active"},
                  "scope": {"value": "01UNI_INST", "desc": "University Library"},
                  "role_type": {"value": "214", "desc": "Circulation Desk Operator"},
                  "parameter": [
                    {
                      "type": {"value": "ServiceUnit"},
                      "scope": {"value": "01UNI_INST", "desc": "University Library"},
                      "value": {"value": "MAIN_CIRC", "desc": "Main circulation desk"}
                    }
                  ]
                },
                {
                  "status": {"value": "INACTIVE", "desc": "Inactive"},
                  "scope": {"value": "01UNI_INST", "desc": "University Library"},
                  "role_type": {"value": "51", "desc": "Repository Manager"},
                  "parameter": []
                }
              ]
            }
            """;

    /**
     * A user as {@code GET /users/{id}?view=full} gives it, with the fields the engine does not read: contact
     * details, identifiers, notes, statistics, a field Alma may add one day. A write must send them all back.
     */
    static final String FULL_USER = """
            {
              "record_type": {"value": "STAFF", "desc": "Staff"},
              "primary_id": "jdoe",
              "first_name": "Jo",
              "last_name": "Doe",
              "user_group": {"value": "STAFF", "desc": "Staff"},
              "job_category": {"value": "Cataloger", "desc": "Cataloger"},
              "preferred_language": {"value": "en", "desc": "English"},
              "expiry_date": "2030-12-31Z",
              "account_type": {"value": "INTERNAL", "desc": "Internal"},
              "status": {"value": "ACTIVE", "desc": "Active"},
              "contact_info": {
                "address": [],
                "email": [{"email_address": "jo.doe@example.edu", "preferred": true,
                           "email_type": [{"value": "work", "desc": "Work"}]}],
                "phone": []
              },
              "user_identifier": [
                {"id_type": {"value": "BARCODE", "desc": "Barcode"}, "value": "0001234", "status": "ACTIVE",
                 "segment_type": "Internal"}
              ],
              "user_role": [
                {
                  "status": {"value": "ACTIVE", "desc": "Active"},
                  "scope": {"value": "01UNI_INST", "desc": "University Library"},
                  "role_type": {"value": "214", "desc": "Circulation Desk Operator"},
                  "parameter": [
                    {
                      "type": {"value": "ServiceUnit"},
                      "scope": {"value": "01UNI_INST", "desc": "University Library"},
                      "value": {"value": "MAIN_CIRC", "desc": "Main circulation desk"}
                    }
                  ]
                },
                {
                  "status": {"value": "INACTIVE", "desc": "Inactive"},
                  "scope": {"value": "01UNI_INST", "desc": "University Library"},
                  "role_type": {"value": "51", "desc": "Repository Manager"},
                  "parameter": []
                }
              ],
              "user_note": [
                {"note_type": {"value": "POPUP", "desc": "General"}, "note_text": "Keep me", "user_viewable": false,
                 "segment_type": "Internal"}
              ],
              "user_statistic": [
                {"statistic_category": {"value": "STAFF", "desc": "Staff"}, "segment_type": "Internal"}
              ],
              "a_field_alma_adds_later": {"value": "kept", "nested": [1, 2, 3]}
            }
            """;

    static final String JOB_INSTANCE = """
            {
              "id": "6117829950004146",
              "external_id": "6117829950004146",
              "name": "Import - Vendor records",
              "progress": 100,
              "status": {"value": "COMPLETED_WITH_ERRORS", "desc": "Completed with Errors"},
              "status_date": "2026-11-30Z",
              "submitted_by": {"value": "jdoe", "desc": "Doe, Jo"},
              "submit_time": "2026-11-30T09:12:01.410Z",
              "start_time": "2026-11-30T09:12:04.802Z",
              "end_time": "2026-11-30T09:14:41.117Z",
              "counter": [
                {"type": {"value": "c.jobs.bibImport.totalRecords", "desc": "Total records"}, "value": "120"},
                {"type": {"value": "c.jobs.bibImport.importedRecords", "desc": "Imported records"}, "value": "117"},
                {"type": {"value": "c.jobs.bibImport.failedRecords", "desc": "Failed records"}, "value": "3"}
              ],
              "job_info": {
                "id": "M28",
                "name": "Import - Vendor records",
                "link": "/almaws/v1/conf/jobs/M28"
              }
            }
            """;

    /**
     * A JOB_END webhook post as Alma sends it (pulibrary/bibdata's {@code sqs_incremental_dump.json}, a captured
     * post, its institution and job renamed): the notification's own id, the run as the Configuration API gives it.
     */
    static String jobEnd(String notificationId, String instanceId) {
        return """
                {
                  "id": "%s",
                  "action": "JOB_END",
                  "institution": {"value": "01UNI_INST", "desc": "University Library"},
                  "time": "2026-11-30T09:14:41.941Z",
                  "event": null,
                  "job_instance": {
                    "id": "%s",
                    "external_id": "6587815800006421",
                    "name": "Import - Vendor records",
                    "submitted_by": {"value": "jdoe", "desc": "Doe, Jo"},
                    "submit_time": "2026-11-30T09:12:01.410Z",
                    "start_time": "2026-11-30T09:12:04.802Z",
                    "end_time": "2026-11-30T09:14:41.117Z",
                    "progress": 100,
                    "status": {"value": "COMPLETED_SUCCESS", "desc": "Completed Successfully"},
                    "status_date": "2026-11-30Z",
                    "alert": [{"value": "alert_general_success", "desc": "The job completed successfully."}],
                    "counter": [
                      {"type": {"value": "label.new.records", "desc": "New Records"}, "value": "11"},
                      {"type": {"value": "label.updated.records", "desc": "Updated Records"}, "value": "14"},
                      {"type": {"value": "label.deleted.records", "desc": "Deleted Records"}, "value": "0"}
                    ],
                    "job_info": {
                      "id": "M28",
                      "name": "Import - Vendor records",
                      "type": {"value": "SCHEDULED", "desc": "Scheduled"},
                      "category": {"value": "IMPORT", "desc": "Import"},
                      "link": "/almaws/v1/conf/jobs/M28"
                    },
                    "link": "/almaws/v1/conf/jobs/M28/instances/%s"
                  },
                  "bib": null,
                  "holding": null,
                  "item": null,
                  "portfolio": null,
                  "representation": null
                }
                """.formatted(notificationId, instanceId, instanceId);
    }

    /** A webhook post of another action, a user's update, with the person in it as Alma sends it. */
    static String userUpdated(String notificationId) {
        return """
                {
                  "id": "%s",
                  "action": "USER",
                  "institution": {"value": "01UNI_INST", "desc": "University Library"},
                  "time": "2026-11-30T10:02:11.000Z",
                  "event": {"value": "USER_UPDATED", "desc": "User updated"},
                  "webhook_user": {
                    "user": {"primary_id": "jdoe", "first_name": "Jo", "last_name": "Doe"},
                    "cause": "UPDATED",
                    "method": "UI"
                  }
                }
                """.formatted(notificationId);
    }

    static String error(String code, String message) {
        return """
                {
                  "errorsExist": true,
                  "errorList": {
                    "error": [
                      {"errorCode": "%s", "errorMessage": "%s", "trackingId": "E01-3011093851-9OMEG"}
                    ]
                  },
                  "result": null
                }
                """.formatted(code, message);
    }
}
