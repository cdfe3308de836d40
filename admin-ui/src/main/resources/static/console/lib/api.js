// The REST client. The key lives in sessionStorage only (gone when the tab closes),
// travels in the Authorization header, never in a URL.

const KEY = 'ruche.key';
const ME = 'ruche.me';
const AGENT = 'ruche.agent';

export class ApiError extends Error {
  constructor(status, message, problem) {
    super(message);
    this.status = status;
    this.problem = problem;
  }
}

export const session = {
  key: () => sessionStorage.getItem(KEY),
  me: () => JSON.parse(sessionStorage.getItem(ME) || 'null'),
  agent: () => sessionStorage.getItem(AGENT),
  setAgent: (name) => (name ? sessionStorage.setItem(AGENT, name) : sessionStorage.removeItem(AGENT)),
  signIn(key, me) {
    sessionStorage.setItem(KEY, key);
    sessionStorage.setItem(ME, JSON.stringify(me));
  },
  signOut() {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(ME);
    sessionStorage.removeItem(AGENT);
  },
};

let onUnauthorized = () => {};
export function whenUnauthorized(fn) {
  onUnauthorized = fn;
}

export async function request(method, path, { body, ifMatch, text, key, accept } = {}) {
  const headers = { Accept: accept || 'application/json, application/problem+json' };
  const token = key || session.key();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (ifMatch) headers['If-Match'] = ifMatch;
  let payload;
  if (text != null) {
    headers['Content-Type'] = 'application/yaml';
    payload = text;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, { method, headers, body: payload, cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, 'The server cannot be reached; check that it is running and retry.');
  }
  const type = res.headers.get('Content-Type') || '';
  const data = res.status === 204 ? null
    : type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) {
    if (res.status === 401 && !key) onUnauthorized();
    const detail = (data && (data.detail || data.title)) || `${res.status} ${res.statusText}`;
    throw new ApiError(res.status, res.status === 412
      ? `Someone else changed this since you opened it (${detail}). Reload to see their version.` : detail, data);
  }
  return { data, etag: res.headers.get('ETag') };
}

export const get = (path) => request('GET', path).then((r) => r.data);
export const enc = encodeURIComponent;
