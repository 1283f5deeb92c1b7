/**
 * The import of an attendance list exported from the training portal ({@code POST /attendance-imports}): a file that
 * is not such a list is refused whole with its line and nothing written; otherwise each line becomes a
 * {@code RecordClassAttendance} to the person's history and is reported imported, already known or refused with a
 * code and a reason. A dry run writes nothing, and the same file imported again records nothing new.
 */
package org.signoff.api.attendanceimport;
