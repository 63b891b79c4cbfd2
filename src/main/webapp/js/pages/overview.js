// Overview: health of Redis, PostgreSQL and the bus, workers, task rates, dead letters, businesses by status and
// today's spend. Live: workers, queues and counters (operators) and businesses by status arrive on the tab's live
// connection as they change; the window's history and the spend are re-read when a business or payment changed (at
// most every 10 s), and readiness when the runtime changed (at most every 5 s). No timer polls the API.

import {h, mount, stat, badge, table, ago, number} from '../dom.js';
import {get, query} from '../api.js';
import {bars, lines} from '../charts.js';
import {windowOf, windowSelect} from '../window.js';
import {navigate} from '../router.js';
import {BUSINESS_STATUSES} from '../statuses.js';
import * as live from '../live.js';

async function health() {
  // /health/ready is open and answers 503 with the same body when something is down
  const response = await fetch('/health/ready', {headers: {Accept: 'application/json'}, cache: 'no-store'});
  return response.json();
}

function byStatusOf(counts) {
  return BUSINESS_STATUSES.map(status => ({status, count: counts.by_status[status] || 0})).filter(c => c.count > 0);
}

export async function render(main, route, session) {
  const operator = session.has('operator');
  const window = windowOf(route.params);
  const state = {};
  let stopped = false;

  async function readHealth() {
    state.ready = await health().catch(e => ({status: 'UNKNOWN', checks: [], error: e.message}));
  }

  async function readSql() {
    // businesses by status come from the live feed; counted once here in case the feed has not sent them yet
    const [spend, history, counts] = await Promise.all([
      get('/api/payments/spend' + query({window: 'day'})),
      get('/api/ops/history' + query({window})),
      live.last('business-counts') ? null : get('/api/businesses/status-counts'),
    ]);
    state.spent = spend.total_spent;
    state.history = history;
    if (counts) state.byStatus = byStatusOf(counts);
  }

  async function readRuntime() {
    const snapshot = live.last('runtime');
    if (snapshot) {
      state.runtime = snapshot.report;
      state.totals = snapshot.totals;
      return;
    }
    const [runtime, metrics] = await Promise.all([get('/api/runtime'), get('/api/metrics')]);
    state.runtime = runtime;
    state.totals = metrics.totals;
  }

  async function readAll() {
    const counts = live.last('business-counts');
    if (counts) state.byStatus = byStatusOf(counts);
    await Promise.all([readHealth(), readSql(), operator ? readRuntime() : null]);
  }

  function draw() {
    if (stopped) return;
    const {ready, runtime, totals, history, byStatus, spent} = state;
    mount(main,
      h('h1', {}, 'Overview'),
      h('section', {class: 'cards', 'aria-label': 'Health'},
        stat('Readiness', badge(ready.status)),
        ...(ready.checks || []).map(check => stat(check.name, badge(check.status))),
        runtime ? stat('Runtime', badge(runtime.status), (runtime.reasons || []).join('; ')) : null,
        runtime ? stat('Workers alive', String(runtime.workers_alive ?? 0)) : null,
        runtime ? stat('Queued', String(runtime.queue_depth ?? '—')) : null,
        runtime ? stat('Pending', String(runtime.pending ?? '—')) : null,
        runtime ? stat('Dead letters', h('a', {href: '#/dead-letters'}, String(runtime.dlq_depth ?? '—'))) : null,
        stat('Spent, last 24 h', '$' + Number(spent).toFixed(2), session.tenant ? 'tenant ' + session.tenant : null)),
      totals ? counters(totals) : null,
      activity(history, window),
      runtime ? workers(runtime) : null,
      h('section', {},
        h('h2', {}, 'Businesses by status'),
        bars('Businesses by status', byStatus.map(b => ({
          label: b.status, value: b.count, cls: 'st-' + b.status.toLowerCase().replace(/_/g, '-'),
        })))),
      h('p', {class: 'muted', id: 'overview-updated'}, 'Live: updated as the server reports changes · last update '
        + new Date().toLocaleTimeString()));
  }

  await readAll();
  draw();

  const sqlSoon = live.throttled(10000, async () => {
    await readSql();
    draw();
  });
  const healthSoon = live.throttled(5000, async () => {
    await readHealth();
    draw();
  });
  const off = live.onAll({
    'runtime': snapshot => {
      state.runtime = snapshot.report;
      state.totals = snapshot.totals;
      draw();
      healthSoon();
    },
    'business-counts': counts => {
      state.byStatus = byStatusOf(counts);
      draw();
    },
    'business': sqlSoon,
    'payment': sqlSoon,
    'resync': async () => {
      await readAll();
      draw();
    },
  });
  return () => {
    stopped = true;
    off();
    sqlSoon.cancel();
    healthSoon.cancel();
  };
}

function counters(t) {
  const finished = t.processed + t.failed;
  return h('section', {},
    h('h2', {}, 'Tasks since the counters started'),
    h('div', {class: 'cards'},
      stat('Received', String(t.received)), stat('Processed', String(t.processed)), stat('Failed', String(t.failed)),
      stat('Failure rate', finished ? (100 * t.failed / finished).toFixed(1) + ' %' : '—'),
      stat('Retried', String(t.retried)), stat('Dead-lettered', String(t.dead_lettered)),
      stat('Average duration', number(t.avg_processing_ms, 0) + ' ms')));
}

/** Tasks per bucket over the chosen window, from the results the server keeps (not since this page opened). */
function activity(history, window) {
  const seconds = history.bucket_seconds;
  const series = (key, name) => ({name, cls: key,
    points: history.buckets.map(b => ({t: new Date(b.start), v: b[key] / seconds}))});
  const totals = history.totals;
  return h('section', {'aria-labelledby': 'activity-h'},
    h('h2', {id: 'activity-h'}, 'Tasks over time'),
    h('div', {class: 'filters'}, windowSelect(window, value => navigate('overview', {window: value}))),
    h('div', {class: 'cards'},
      stat('Processed', String(totals.processed)), stat('Failed', String(totals.failed)),
      stat('Failure rate', totals.failure_rate === undefined ? '—' : (100 * totals.failure_rate).toFixed(1) + ' %'),
      stat('Processed / s', number(totals.processed / Math.max(1, (new Date(history.to) - new Date(history.from)) / 1000), 2))),
    lines(`Tasks per second, ${window === 'hour' ? 'last hour' : window === 'day' ? 'last day' : 'last week'}, in ${seconds / 60}-minute buckets`,
      [series('processed', 'processed'), series('failed', 'failed')], '/s'));
}

function workers(runtime) {
  return h('section', {},
    h('h2', {}, 'Workers'),
    table('Workers and their last heartbeat', [
      ['Worker', w => w.worker_id],
      ['Alive', w => badge(w.alive ? 'alive' : 'stale')],
      ['In flight', w => String(w.in_flight ?? '—')],
      ['Last heartbeat', w => ago(w.last_heartbeat)],
      ['Started', w => ago(w.started_at)],
    ], runtime.workers || [], 'No worker has sent a heartbeat.'));
}
