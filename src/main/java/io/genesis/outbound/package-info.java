/**
 * Outbound URLs that tenants give (task webhooks, spend-summary webhooks): which addresses Genesis may connect to, in
 * every spelling of them, checked when a URL is taken and again on the addresses actually connected to, and the one
 * HTTP POST that connects only to checked addresses. Must not know any component, nor follow redirects, nor show a
 * URL's userinfo or query anywhere.
 */
package io.genesis.outbound;
