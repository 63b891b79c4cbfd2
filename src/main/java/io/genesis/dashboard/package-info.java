/**
 * What the dashboard's static page needs to know before anyone signs in: whether an OpenID Connect provider is
 * configured, and its issuer, endpoints, client id and scopes ({@code GET /dashboard/config.json}, open like the page
 * itself; it holds no secret: the dashboard is a public client using PKCE). Reads configuration only; must not decide
 * who a caller is (the API verifies the bearer token, whoever issued it) nor know any other Genesis component.
 */
package io.genesis.dashboard;
