/** The catalog and first administrator a new installation starts with. */
package org.signoff.api.seed;
