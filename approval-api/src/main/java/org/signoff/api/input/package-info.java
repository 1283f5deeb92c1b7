/**
 * The syntax of what the API accepts, as constraints on request records: identifiers, one-line names and plain
 * text. What passes them fits the store, and no value can smuggle a line break or control character into a name.
 * The CSV files the imports take are read here too ({@link org.signoff.api.input.CsvFiles}): strict UTF-8, line by line.
 */
package org.signoff.api.input;
