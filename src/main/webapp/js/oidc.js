// Sign-in through an OpenID Connect provider, when the server names one (GET dashboard/config.json): the
// authorization-code flow with PKCE (S256) as a public client, no client secret. The page finds the provider's
// endpoints by discovery (<issuer>/.well-known/openid-configuration) unless both are configured, sends the browser to
// the authorization endpoint with a fresh code challenge, state and nonce (kept in this tab's sessionStorage), and when
// the provider redirects back with a code, exchanges it together with the code verifier at the token endpoint. The
// access token is then the bearer token of every API call, verified by the API like a pasted one: no second user store.

const FLOW = 'genesis.oidc.flow';
let settingsOnce = null;

/** The provider the server names ({issuer, client_id, scopes, provider_name, ...}), or null when there is none. */
export function settings() {
  if (!settingsOnce) {
    settingsOnce = fetch('dashboard/config.json', {headers: {Accept: 'application/json'}, cache: 'no-store'})
      .then(response => response.ok ? response.json() : {oidc: null})
      .then(config => config.oidc || null)
      .catch(() => null);
  }
  return settingsOnce;
}

function base64url(bytes) {
  let text = '';
  bytes.forEach(b => {
    text += String.fromCharCode(b);
  });
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random(bytes) {
  const values = new Uint8Array(bytes);
  crypto.getRandomValues(values);
  return base64url(values);
}

async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

const trimmed = url => url.replace(/\/+$/, '');

/** The authorization and token endpoints: configured, or read from the issuer's discovery document. */
async function endpoints(oidc) {
  if (oidc.authorization_endpoint && oidc.token_endpoint) return oidc;
  const url = trimmed(oidc.issuer) + '/.well-known/openid-configuration';
  const response = await fetch(url, {headers: {Accept: 'application/json'}, cache: 'no-store'});
  if (!response.ok) throw new Error(`the provider's discovery document (${url}) answered HTTP ${response.status}`);
  const discovered = await response.json();
  if (discovered.issuer && trimmed(discovered.issuer) !== trimmed(oidc.issuer)) {
    throw new Error(`the discovery document names another issuer (${discovered.issuer}) than the configured ${oidc.issuer}`);
  }
  if (Array.isArray(discovered.code_challenge_methods_supported)
    && !discovered.code_challenge_methods_supported.includes('S256')) {
    throw new Error('the provider does not offer PKCE with S256');
  }
  return {...oidc, authorization_endpoint: oidc.authorization_endpoint || discovered.authorization_endpoint,
    token_endpoint: oidc.token_endpoint || discovered.token_endpoint};
}

/** Where the provider sends the browser back: this page, without query or fragment. */
function redirectUri() {
  return location.origin + location.pathname;
}

/** Sends the browser to the provider; after signing in there it comes back to `returnTo` (a #/ route). */
export async function begin(oidc, returnTo) {
  const found = await endpoints(oidc);
  const verifier = random(32); // 43 characters, as RFC 7636 asks (43 to 128)
  const flow = {state: random(16), nonce: random(16), verifier, returnTo, token_endpoint: found.token_endpoint,
    client_id: oidc.client_id, redirect_uri: redirectUri()};
  sessionStorage.setItem(FLOW, JSON.stringify(flow));
  const url = new URL(found.authorization_endpoint);
  const params = {response_type: 'code', client_id: oidc.client_id, redirect_uri: flow.redirect_uri, scope: oidc.scopes,
    state: flow.state, nonce: flow.nonce, code_challenge: await challengeOf(verifier), code_challenge_method: 'S256'};
  if (oidc.audience) params.audience = oidc.audience;
  Object.entries(params).forEach(([name, value]) => url.searchParams.set(name, value));
  location.assign(url.toString());
}

/** Whether this page load is the provider sending the browser back (?state= with ?code= or ?error=). */
export function isCallback() {
  const params = new URLSearchParams(location.search);
  return params.has('state') && (params.has('code') || params.has('error'));
}

function claimsOf(jwt) {
  const part = String(jwt).split('.')[1] || '';
  const json = new TextDecoder().decode(Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0)));
  return JSON.parse(json);
}

/**
 * Finishes the flow the provider sent the browser back from: checks the state, exchanges the code with the verifier,
 * checks the id token's nonce, and resolves with the access token. Throws with a reason a person can act on. The code
 * leaves the address bar at once, whatever happens.
 */
export async function complete() {
  const params = new URLSearchParams(location.search);
  const flow = JSON.parse(sessionStorage.getItem(FLOW) || 'null');
  sessionStorage.removeItem(FLOW);
  history.replaceState(null, '', location.pathname + (flow?.returnTo || location.hash || '#/overview'));
  if (params.has('error')) {
    throw new Error('the provider answered ' + params.get('error')
      + (params.get('error_description') ? ' (' + params.get('error_description') + ')' : ''));
  }
  if (!flow || flow.state !== params.get('state')) {
    throw new Error('this answer does not belong to a sign-in started in this tab (its state does not match): sign in again');
  }
  const response = await fetch(flow.token_endpoint, {method: 'POST', cache: 'no-store',
    headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'},
    body: new URLSearchParams({grant_type: 'authorization_code', code: params.get('code'), redirect_uri: flow.redirect_uri,
      client_id: flow.client_id, code_verifier: flow.verifier})});
  const tokens = await response.json().catch(() => ({}));
  if (!response.ok || !tokens.access_token) {
    throw new Error('the token endpoint refused the code: ' + (tokens.error || 'HTTP ' + response.status)
      + (tokens.error_description ? ' (' + tokens.error_description + ')' : ''));
  }
  if (tokens.id_token && claimsOf(tokens.id_token).nonce !== flow.nonce) {
    throw new Error('the id token does not carry the nonce of this sign-in: sign in again');
  }
  return tokens.access_token;
}
