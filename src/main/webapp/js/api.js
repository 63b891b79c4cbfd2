// Every call of the dashboard goes through the same REST API as any client, with the session's bearer token.

import {current} from './session.js';

/** A refused call: the problem+json of the API (status, detail, field ...) when it sent one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || ('HTTP ' + status));
    this.status = status;
    this.problem = problem || {};
  }
}

let onUnauthorized = () => {};

/** What to do when the API answers 401 (the token expired or was refused). */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

function headers(extra) {
  const session = current();
  const all = {Accept: 'application/json', ...extra};
  if (session) all.Authorization = 'Bearer ' + session.token;
  return all;
}

/** Calls the API; resolves with the JSON body (null when empty) or rejects with an ApiError. */
export async function call(path, {method = 'GET', body, headers: extra = {}, signal} = {}) {
  const init = {method, headers: headers(extra), signal};
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      json = {detail: text.slice(0, 200)};
    }
  }
  if (!response.ok) {
    if (response.status === 401) onUnauthorized();
    throw new ApiError(response.status, json);
  }
  return json;
}

export const get = (path, options) => call(path, options);
export const post = (path, body, options = {}) => call(path, {...options, method: 'POST', body: body ?? {}});
export const del = (path, options = {}) => call(path, {...options, method: 'DELETE'});

/** A query string from the members that have a value. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

/**
 * Follows a Server-Sent Events stream with the Authorization header (EventSource cannot send one): fetch() reads the
 * body as it arrives. On a dropped connection it reconnects with Last-Event-ID, so nothing is missed or repeated,
 * waiting a little longer each time (up to 10 s). Stops for good on abort(), on a 4xx other than 429, or when onEvent
 * returns 'stop'.
 * Returns {abort()}.
 */
export function follow(path, onEvent, onState = () => {}) {
  const controller = new AbortController();
  let lastId = null;
  let delay = 500;
  let stopped = false;

  async function connect() {
    while (!stopped) {
      try {
        onState('connecting');
        const extra = {Accept: 'text/event-stream'};
        if (lastId) extra['Last-Event-ID'] = lastId;
        const response = await fetch(path, {headers: headers(extra), signal: controller.signal, cache: 'no-store'});
        if (!response.ok) {
          if (response.status === 401) onUnauthorized();
          // 429 (too many streams open) and 5xx are passing: retried like a dropped connection
          if (response.status >= 400 && response.status < 500 && response.status !== 429) {
            onState('refused', response.status);
            return;
          }
          throw new Error('HTTP ' + response.status);
        }
        onState('live');
        delay = 500;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const {value, done} = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
            const event = parse(block);
            if (event.id) lastId = event.id;
            if (event.data !== null && onEvent(event) === 'stop') {
              stop();
              onState('ended');
              return;
            }
          }
        }
      } catch (e) {
        if (stopped) return;
      }
      if (stopped) return;
      onState('reconnecting');
      await new Promise(resolve => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 10000);
    }
  }

  function stop() {
    stopped = true;
    controller.abort();
  }

  connect();
  return {abort: stop};
}

function parse(block) {
  const event = {type: 'message', id: null, data: null};
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (!line || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (name === 'event') event.type = value;
    else if (name === 'id') event.id = value;
    else if (name === 'data') data.push(value);
  }
  if (data.length) {
    const text = data.join('\n');
    try {
      event.data = JSON.parse(text);
    } catch (e) {
      event.data = text;
    }
  }
  return event;
}
