// The only way the console talks to scimbus: the admin API (/admin/v1) and the session endpoint, same origin.

const ADMIN = '/admin/v1';
const SESSION = '/console/session';
let csrfToken = null;
let onLoggedOut = () => {};

/** A refused or failed call, with the SCIM error fields the admin API answers. */
export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.detail) || (status ? `HTTP ${status}` : 'no answer'));
    this.status = status;
    this.scimType = body && body.scimType;
    this.detail = body && body.detail;
  }

  summary() {
    if (this.status === 0) {
      return 'The gateway did not answer. Check that scimbus is running and reachable, then try again.';
    }
    const kind = this.scimType ? ` ${this.scimType}` : '';
    return `${this.status}${kind}: ${this.detail || 'the request failed'}`;
  }
}

export function whenLoggedOut(callback) {
  onLoggedOut = callback;
}

async function send(url, method, body, withCsrf) {
  const headers = {Accept: 'application/json'};
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (withCsrf && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  let response;
  try {
    response = await fetch(url, {method, headers, credentials: 'same-origin', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body)});
  } catch (e) {
    throw new ApiError(0, null);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = {detail: text.slice(0, 200)};
  }
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return json;
}

/** The current session, or null when there is none (the login form is due). */
export async function currentSession() {
  try {
    const session = await send(SESSION, 'GET');
    csrfToken = session.csrfToken;
    return session;
  } catch (e) {
    if (e.status === 401) {
      return null;
    }
    throw e;
  }
}

export async function login(secret) {
  const session = await send(SESSION, 'POST', {secret});
  csrfToken = session.csrfToken;
  return session;
}

export async function logout() {
  await send(SESSION, 'DELETE', undefined, true);
  csrfToken = null;
}

/** One admin API call; a 401 means the session ended, and the login form comes back. */
export async function api(method, path, body) {
  try {
    return await send(ADMIN + path, method, body, method !== 'GET');
  } catch (e) {
    if (e.status === 401) {
      csrfToken = null;
      onLoggedOut();
    }
    throw e;
  }
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);
export const patch = (path, body) => api('PATCH', path, body);
export const put = (path, body) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);

/** A path segment from data, encoded. */
export function seg(value) {
  return encodeURIComponent(value);
}

/** ?a=1&b=2 from the non-empty entries of {@code params}. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') {
      search.set(name, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
