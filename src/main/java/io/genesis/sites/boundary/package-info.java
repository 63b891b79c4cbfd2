/**
 * The sites' HTTP edge: the public servlet at {@code /sites/*} (files of live versions, the waitlist form) and the
 * tenant's REST view of a business's site and waitlist under {@code /api}. The servlet is Genesis's one deliberate
 * public surface besides health and metrics: it must not serve anything but live site files and take anything but
 * waitlist forms, and must not read tokens; everything under {@code /api} keeps its role decision.
 */
package io.genesis.sites.boundary;
