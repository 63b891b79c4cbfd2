// The tab's one live connection: GET /api/ops/events, opened at sign-in and kept across pages. Each worker reads the
// feed's sources once for all its viewers and pushes the changes; pages subscribe to the event types they show
// instead of polling. When the connection drops (the server also ends it every genesis.ops.events.max-seconds) it
// reconnects with Last-Event-ID and backoff, and the header shows "reconnecting" meanwhile. A `resync` (the server
// could not replay what was missed) tells every page to re-read what it shows.

import {follow} from './api.js';

const handlers = new Map();
const latest = new Map();
const SNAPSHOTS = ['runtime', 'business-counts'];
let stream = null;
let everLive = false;

function indicator() {
  return document.getElementById('live');
}

function dispatch(type, data) {
  for (const handler of [...(handlers.get(type) || [])]) {
    try {
      handler(data);
    } catch (e) {
      console.warn('live ' + type + ' handler failed', e);
    }
  }
}

function onEvent(event) {
  if (SNAPSHOTS.includes(event.type)) latest.set(event.type, event.data);
  if (event.type === 'hello') {
    // a fresh stream after a drop that the server could not resume: what the page shows may be behind
    if (everLive && !event.data.resumed) dispatch('resync', event.data);
    everLive = true;
    return undefined;
  }
  dispatch(event.type, event.data);
  return undefined;
}

function onState(state) {
  const badge = indicator();
  if (!badge) return;
  const shown = state === 'connecting' && everLive ? 'reconnecting' : state;
  if (shown === 'reconnecting' && badge.dataset.state !== 'reconnecting') {
    badge.dataset.reconnects = String(Number(badge.dataset.reconnects || 0) + 1);
  }
  badge.dataset.state = shown;
  badge.textContent = shown === 'refused' ? 'not live' : shown;
  badge.className = 'live live-' + shown;
  badge.title = 'Live updates: ' + shown + (badge.dataset.reconnects ? ' · reconnected ' + badge.dataset.reconnects + ' times' : '');
}

/** Opens the live connection (once per sign-in). */
export function start() {
  if (stream) return;
  everLive = false;
  const badge = indicator();
  if (badge) {
    badge.hidden = false;
    delete badge.dataset.reconnects;
  }
  stream = follow('/api/ops/events', onEvent, onState);
}

/** Closes it (sign-out, a refused token). */
export function stop() {
  if (stream) stream.abort();
  stream = null;
  latest.clear();
  const badge = indicator();
  if (badge) badge.hidden = true;
}

/** Calls handler(data) for every event of this type until the returned function is called. */
export function on(type, handler) {
  if (!handlers.has(type)) handlers.set(type, new Set());
  handlers.get(type).add(handler);
  return () => handlers.get(type).delete(handler);
}

/** Subscribes to several types at once; returns one function that ends them all. */
export function onAll(subscriptions) {
  const offs = Object.entries(subscriptions).map(([type, handler]) => on(type, handler));
  return () => offs.forEach(off => off());
}

/** The last snapshot of this type the server sent (runtime, business-counts), or undefined. */
export function last(type) {
  return latest.get(type);
}

/**
 * fn run at most once every `ms` (the first time `ms` after this call at the earliest, as the page has just read what
 * it shows): a call during the pause runs once when it ends. For re-reads a change triggers, so
 * a burst of changes costs one request. cancel() drops a pending run.
 */
export function throttled(ms, fn) {
  let timer = null;
  let lastRun = Date.now(); // the page has just read what it shows
  const run = () => {
    timer = null;
    lastRun = Date.now();
    Promise.resolve().then(fn).catch(e => console.warn('live refresh failed', e));
  };
  const call = () => {
    if (timer) return;
    const wait = Math.max(0, lastRun + ms - Date.now());
    timer = setTimeout(run, wait);
  };
  call.cancel = () => {
    clearTimeout(timer);
    timer = null;
  };
  return call;
}

/** Runs draw again, at most every 10 s, when tasks finished; returns what ends it. */
export function followTasks(draw) {
  let finished = last('runtime') ? last('runtime').totals.processed + last('runtime').totals.failed : null;
  const again = throttled(10000, draw);
  const off = onAll({
    runtime: snapshot => {
      const now = snapshot.totals.processed + snapshot.totals.failed;
      if (finished !== null && now !== finished) again();
      finished = now;
    },
    business: again,
    resync: again,
  });
  return () => {
    off();
    again.cancel();
  };
}

/**
 * Runs draw again (at most every `ms`) when a runtime snapshot differs from what the page shows: differs(snapshot)
 * compares them, so a page is redrawn only when the live figures moved. Returns what ends it.
 */
export function whenRuntime(differs, draw, ms) {
  const again = throttled(ms, draw);
  const off = onAll({
    runtime: snapshot => {
      if (differs(snapshot)) again();
    },
    resync: again,
  });
  return () => {
    off();
    again.cancel();
  };
}

/** The [topic, length, pending, dead letters] of the snapshot's topics (one topic, or all when topic is null). */
export function topicFigures(snapshot, topic) {
  return JSON.stringify(snapshot.topics.filter(t => !topic || t.topic === topic)
    .map(t => [t.topic, t.length, t.pending, t.dlq_depth]));
}
