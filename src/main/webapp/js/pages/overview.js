// Overview: health of Redis, PostgreSQL and the bus, workers, task rates, dead letters, businesses by status and
// today's spend. Refreshed every 5 s while the page is open.

import {h, mount, stat, badge, table, ago, number} from '../dom.js';
import {get, query} from '../api.js';
import {bars, lines} from '../charts.js';
import {windowOf, windowSelect} from '../window.js';
import {navigate} from '../router.js';
import {BUSINESS_STATUSES} from '../statuses.js';

const REFRESH_MS = 5000;
// businesses and spend are PostgreSQL reads: every sixth refresh only (30 s); the bus figures are Redis reads
const SQL_EVERY = 6;

async function health() {
  // /health/ready is open and answers 503 with the same body when something is down
  const response = await fetch('/health/ready', {headers: {Accept: 'application/json'}, cache: 'no-store'});
  return response.json();
}

/** Businesses per status, counted by the server in one query (the caller's tenant; every tenant for an operator). */
async function businessesByStatus() {
  const counts = (await get('/api/businesses/status-counts')).by_status;
  return BUSINESS_STATUSES.map(status => ({status, count: counts[status] || 0})).filter(c => c.count > 0);
}

/** Dollars spent over the last 24 h in the caller's tenant (every tenant for an operator without a filter). */
async function spendLastDay() {
  return (await get('/api/payments/spend' + query({window: 'day'}))).total_spent;
}

export async function render(main, route, session) {
  const operator = session.has('operator');
  const window = windowOf(route.params);
  let timer = null;
  let stopped = false;
  let round = 0;
  let byStatus = [];
  let spent = 0;
  let lastHistory = null;

  async function refresh() {
    const sql = round++ % SQL_EVERY === 0;
    const [ready, statuses, spend, history, runtime, metrics] = await Promise.all([
      health().catch(e => ({status: 'UNKNOWN', checks: [], error: e.message})),
      sql ? businessesByStatus() : byStatus,
      sql ? spendLastDay() : spent,
      sql ? get('/api/ops/history' + query({window})) : lastHistory,
      operator ? get('/api/runtime') : null,
      operator ? get('/api/metrics') : null,
    ]);
    byStatus = statuses;
    spent = spend;
    lastHistory = history;
    if (stopped) return;
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
      metrics ? counters(metrics) : null,
      activity(history, window),
      runtime ? workers(runtime) : null,
      h('section', {},
        h('h2', {}, 'Businesses by status'),
        bars('Businesses by status', byStatus.map(b => ({
          label: b.status, value: b.count, cls: 'st-' + b.status.toLowerCase().replace(/_/g, '-'),
        })))),
      h('p', {class: 'muted'}, 'Health and bus refreshed every 5 s; businesses, spend and history every 30 s · last '
        + new Date().toLocaleTimeString()));
  }

  async function loop() {
    try {
      await refresh();
    } catch (e) {
      if (!stopped) mount(main, h('h1', {}, 'Overview'), h('p', {class: 'error', role: 'alert'}, e.message));
    }
    if (!stopped) timer = setTimeout(loop, REFRESH_MS);
  }

  await loop();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function counters(metrics) {
  const t = metrics.totals;
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
