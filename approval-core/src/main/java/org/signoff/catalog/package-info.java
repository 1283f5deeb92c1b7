/** The job catalog: the jobs staff may ask for, and the rules that keep their definitions sound. */
package org.signoff.catalog;
