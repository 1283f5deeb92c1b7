/** The staff directory: who the engine knows, and who may maintain it. */
package org.signoff.staff;
