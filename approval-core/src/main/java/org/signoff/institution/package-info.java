/** The institutions of a consortium's engine: each registered once, by a consortium administrator. */
package org.signoff.institution;
