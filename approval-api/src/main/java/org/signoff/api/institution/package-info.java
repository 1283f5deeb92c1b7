/**
 * The institutions the engine holds: the default one (the deployment's own, every key and event from before) and
 * the members a consortium administrator registers; each one's scope of ids ({@code InstitutionScope}); and the wall
 * on the command bus that keeps a command within its sender's institution.
 */
package org.signoff.api.institution;
