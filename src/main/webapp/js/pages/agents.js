// Agents: each agent's policy and live queue figures (operators), and over a chosen window its processed and failed
// tasks, p50/p95 duration, quality and cost from the results the server keeps; one agent's history as a chart.
// Live: re-read (at most every 10 s) when the live connection reports tasks finished (operators: the runtime's
// counters moved; everyone: a business of theirs changed).

import {h, mount, table, number, dollars, stat} from '../dom.js';
import {get, query} from '../api.js';
import {bars, lines} from '../charts.js';
import {windowOf, windowSelect} from '../window.js';
import {navigate} from '../router.js';
import * as live from '../live.js';

export async function render(main, route, session) {
  const window = windowOf(route.params);
  const draw = () => route.id ? one(main, route.id, window) : all(main, window, session);
  await draw();
  return live.followTasks(draw);
}

async function all(main, window, session) {
  const [ops, live] = await Promise.all([
    get('/api/ops/agents' + query({window})),
    session.has('operator') ? get('/api/agents') : null,
  ]);
  const policies = new Map((live?.agents || []).map(a => [a.name, a]));
  mount(main,
    h('h1', {}, 'Agents'),
    h('div', {class: 'filters'}, windowSelect(window, value => navigate('agents', {window: value}))),
    table(`${ops.agents.length} agents over the ${window}`, [
      ['Agent', a => h('a', {href: '#/agents/' + encodeURIComponent(a.agent) + query({window})}, a.agent)],
      ['Policy', a => policies.has(a.agent) ? policy(policies.get(a.agent).policy) : '—'],
      ['Queued', a => String(policies.get(a.agent)?.live?.stream_length ?? '—')],
      ['In flight', a => String(a.in_flight ?? policies.get(a.agent)?.live?.pending ?? '—')],
      ['Processed', a => String(a.processed)],
      ['Failed', a => String(a.failed)],
      ['Failure rate', a => a.failure_rate === undefined ? '—' : (100 * a.failure_rate).toFixed(1) + ' %'],
      ['p50 / p95', a => a.p50_seconds === undefined ? '—' : `${number(a.p50_seconds, 2)} / ${number(a.p95_seconds, 2)} s`],
      ['Quality', a => a.quality === undefined ? '—' : number(a.quality, 2) + ` (${a.graded})`],
      ['Cost', a => dollars(a.cost_cents)],
    ], ops.agents),
    bars('Tasks processed per agent', ops.agents.filter(a => a.processed).map(a => ({label: a.agent, value: a.processed}))),
    bars('p95 duration per agent (s)', ops.agents.filter(a => a.p95_seconds !== undefined)
      .map(a => ({label: a.agent, value: a.p95_seconds})), v => number(v, 2) + ' s'));
}

function policy(p) {
  return `${p.max_retries} retries, ${p.retry_delay_seconds} s apart, timeout ${p.timeout_seconds} s, ${p.consumers} consumers`;
}

async function one(main, agent, window) {
  const [history, ops] = await Promise.all([
    get('/api/ops/history' + query({window, agent})),
    get('/api/ops/agents' + query({window})),
  ]);
  const figures = ops.agents.find(a => a.agent === agent) || {};
  const seconds = history.bucket_seconds;
  const series = key => ({name: key, cls: key, points: history.buckets.map(b => ({t: new Date(b.start), v: b[key]}))});
  mount(main,
    h('h1', {}, 'Agent ', agent),
    h('p', {}, h('a', {href: '#/agents' + query({window})}, 'all agents')),
    h('div', {class: 'filters'}, windowSelect(window, value => navigate('agents/' + encodeURIComponent(agent), {window: value}))),
    h('div', {class: 'cards'},
      stat('Processed', String(figures.processed ?? 0)), stat('Failed', String(figures.failed ?? 0)),
      stat('p50', figures.p50_seconds === undefined ? '—' : number(figures.p50_seconds, 2) + ' s'),
      stat('p95', figures.p95_seconds === undefined ? '—' : number(figures.p95_seconds, 2) + ' s'),
      stat('Quality', figures.quality === undefined ? '—' : number(figures.quality, 2)),
      stat('Cost', dollars(figures.cost_cents))),
    lines(`Tasks of ${agent} per ${seconds / 60}-minute bucket`, [series('processed'), series('failed')]));
}
