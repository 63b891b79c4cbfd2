// Overview: health of Redis, PostgreSQL and the bus, workers, task rates, dead letters, businesses by status and
// today's spend. Refreshed every 5 s while the page is open.

import {h, mount, stat, badge, table, ago, dollars, number} from '../dom.js';
import {get, query} from '../api.js';
import {bars, line} from '../charts.js';
import {BUSINESS_STATUSES} from '../statuses.js';

const PAGE = 100;
const REFRESH_MS = 5000;
// businesses and spend are PostgreSQL reads: every sixth refresh only (30 s); the bus figures are Redis reads
const SQL_EVERY = 6;

async function health() {
  // /health/ready is open and answers 503 with the same body when something is down
  const response = await fetch('/health/ready', {headers: {Accept: 'application/json'}, cache: 'no-store'});
  return response.json();
}

async function businessesByStatus() {
  const counts = await Promise.all(BUSINESS_STATUSES.map(status =>
    get('/api/businesses' + query({status, limit: PAGE})).then(page => ({status, count: page.count}))));
  return counts.filter(c => c.count > 0);
}

async function spendToday() {
  const payments = await get('/api/payments' + query({limit: 500}));
  const today = new Date().toISOString().slice(0, 10);
  return payments.filter(p => (p.captured_at || '').startsWith(today))
    .reduce((sum, p) => sum + Number(p.captured_cents || p.cost_cents || 0), 0);
}

export async function render(main, route, session) {
  const operator = session.has('operator');
  const samples = [];
  let timer = null;
  let stopped = false;
  let round = 0;
  let byStatus = [];
  let spent = 0;

  async function refresh() {
    const sql = round++ % SQL_EVERY === 0;
    const [ready, statuses, spend, runtime, metrics] = await Promise.all([
      health().catch(e => ({status: 'UNKNOWN', checks: [], error: e.message})),
      sql ? businessesByStatus() : byStatus,
      sql ? spendToday() : spent,
      operator ? get('/api/runtime') : null,
      operator ? get('/api/metrics') : null,
    ]);
    byStatus = statuses;
    spent = spend;
    if (metrics) {
      samples.push({t: new Date(), totals: metrics.totals});
      if (samples.length > 120) samples.shift();
    }
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
        stat('Spent today', dollars(spent), session.tenant ? 'tenant ' + session.tenant : null)),
      metrics ? rates(metrics, samples) : null,
      runtime ? workers(runtime) : null,
      h('section', {},
        h('h2', {}, 'Businesses by status'),
        bars('Businesses by status (up to ' + PAGE + ' counted per status)', byStatus.map(b => ({
          label: b.status, value: b.count, cls: 'st-' + b.status.toLowerCase().replace(/_/g, '-'),
        })), v => v >= PAGE ? PAGE + '+' : String(v))),
      h('p', {class: 'muted'}, 'Health and bus refreshed every 5 s, businesses and spend every 30 s · last '
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

function rates(metrics, samples) {
  const t = metrics.totals;
  const points = [];
  for (let i = 1; i < samples.length; i++) {
    const seconds = (samples[i].t - samples[i - 1].t) / 1000;
    points.push({t: samples[i].t, v: Math.max(0, (samples[i].totals.processed - samples[i - 1].totals.processed) / seconds)});
  }
  const latest = points.length ? points[points.length - 1].v : null;
  const finished = t.processed + t.failed;
  return h('section', {},
    h('h2', {}, 'Tasks'),
    h('div', {class: 'cards'},
      stat('Received', String(t.received)), stat('Processed', String(t.processed)), stat('Failed', String(t.failed)),
      stat('Failure rate', finished ? (100 * t.failed / finished).toFixed(1) + ' %' : '—'),
      stat('Retried', String(t.retried)), stat('Dead-lettered', String(t.dead_lettered)),
      stat('Processed / s', latest === null ? '—' : number(latest, 2)),
      stat('Average duration', number(t.avg_processing_ms, 0) + ' ms')),
    line('Tasks processed per second (samples of this page)', points, '/s'));
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
