/**
 * The import of a master list kept before the engine, in the master-list CSV format, over HTTP ({@code POST
 * /master-list/imports}) or from the command line ({@code import-master-list}): a file that is not a master list is
 * refused whole with its line and nothing written; otherwise each line is imported, found already on the list, or
 * refused with a reason, through the same commands as any caller. A dry run writes nothing, the same file imported
 * again imports nothing new, and every real run is recorded.
 */
package org.signoff.api.masterlistimport;
