/**
 * The dashboard page for systems librarians, managers and auditors: the master list laid out like the wiki, the
 * work queues, step statistics and ticket histories, live, and the consortium's shared analytics for its analysts;
 * server-side templates with a little htmx, every asset served by the application. Signed in with a person's own API
 * key; what a person sees follows their role.
 */
package org.signoff.api.ui;
