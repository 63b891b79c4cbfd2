// Analytics: the two questions of the seed, agent quality over the last 7 days and the top vendors by spend,
// answered from the API (the newest businesses' graded tasks and the payments of the caller's tenant).

import {h, mount, table, dollars, number} from '../dom.js';
import {get, query} from '../api.js';
import {bars} from '../charts.js';

const BUSINESSES = 20;

export async function render(main) {
  const since = new Date(Date.now() - 7 * 24 * 3600 * 1000).toISOString();
  const [page, payments] = await Promise.all([
    get('/api/businesses' + query({limit: BUSINESSES})),
    get('/api/payments' + query({limit: 500})),
  ]);
  const recent = page.items.filter(b => b.created_at >= since);
  const details = await Promise.all(recent.map(b => get('/api/businesses/' + encodeURIComponent(b.business_id))));
  const quality = new Map();
  for (const business of details) {
    for (const task of business.task_results) {
      if (task.quality_score === undefined || !task.agent) continue;
      const q = quality.get(task.agent) || {agent: task.agent, sum: 0, n: 0};
      q.sum += task.quality_score;
      q.n += 1;
      quality.set(task.agent, q);
    }
  }
  const agents = [...quality.values()].map(q => ({...q, mean: q.sum / q.n})).sort((a, b) => b.mean - a.mean);
  const vendors = new Map();
  for (const payment of payments) {
    const cents = Number(payment.captured_cents || 0);
    if (!cents || payment.created_at < since) continue;
    const v = vendors.get(payment.vendor_id) || {vendor: payment.vendor_id, cents: 0, n: 0};
    v.cents += cents;
    v.n += 1;
    vendors.set(payment.vendor_id, v);
  }
  const top = [...vendors.values()].sort((a, b) => b.cents - a.cents).slice(0, 10);
  mount(main,
    h('h1', {}, 'Analytics'),
    h('section', {'aria-labelledby': 'quality-h'},
      h('h2', {id: 'quality-h'}, 'Agent quality over the last 7 days'),
      h('p', {class: 'muted'}, `Mean quality score of graded tasks in the ${details.length} newest businesses of the last 7 days (at most ${BUSINESSES}).`),
      bars('Mean quality per agent', agents.map(a => ({label: a.agent, value: a.mean})), v => number(v, 2)),
      table('Agent quality', [
        ['Agent', a => a.agent], ['Graded tasks', a => String(a.n)], ['Mean quality', a => number(a.mean, 3)],
      ], agents, 'No graded task in the last 7 days.')),
    h('section', {'aria-labelledby': 'vendors-h'},
      h('h2', {id: 'vendors-h'}, 'Top vendors by spend (7 days)'),
      bars('Captured spend per vendor', top.map(v => ({label: v.vendor || 'unknown', value: v.cents})), dollars),
      table('Top vendors', [
        ['Vendor', v => v.vendor || 'unknown'], ['Payments', v => String(v.n)], ['Spend', v => dollars(v.cents)],
      ], top, 'No captured payment in the last 7 days.')));
}
