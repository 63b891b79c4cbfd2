// The signed-in operator: the bearer token pasted at sign-in, kept in sessionStorage (gone when the tab closes).
// The token's claims only shape what the page offers; the API decides what is allowed.

const KEY = 'genesis.token';

function claimsOf(token) {
  const parts = token.split('.');
  if (parts.length !== 3) {
    throw new Error('A token has three dot-separated parts (a JWT); this one has ' + parts.length + '.');
  }
  const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = new TextDecoder().decode(Uint8Array.from(atob(base64), c => c.charCodeAt(0)));
  const claims = JSON.parse(json);
  if (typeof claims !== 'object' || claims === null) {
    throw new Error('The token payload is not a JSON object.');
  }
  return claims;
}

/** Stores a token after checking it reads as a JWT that has not expired; throws with a reason otherwise. */
export function signIn(token) {
  const trimmed = token.trim().replace(/^Bearer\s+/i, '');
  const claims = claimsOf(trimmed);
  if (claims.exp && claims.exp * 1000 < Date.now()) {
    throw new Error('This token expired at ' + new Date(claims.exp * 1000).toLocaleString() + '.');
  }
  sessionStorage.setItem(KEY, trimmed);
  return current();
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

/** The session, or null: {token, subject, tenant, roles, expires, has(role)}. */
export function current() {
  const token = sessionStorage.getItem(KEY);
  if (!token) return null;
  let claims;
  try {
    claims = claimsOf(token);
  } catch (e) {
    signOut();
    return null;
  }
  if (claims.exp && claims.exp * 1000 < Date.now()) {
    signOut();
    return null;
  }
  const roles = Array.isArray(claims.groups) ? claims.groups.map(String) : [];
  return {
    token,
    subject: claims.upn || claims.sub || 'unknown',
    tenant: claims.tenant_id || null,
    roles,
    expires: claims.exp ? new Date(claims.exp * 1000) : null,
    has: role => roles.includes(role),
  };
}
