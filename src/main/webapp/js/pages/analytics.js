// Analytics: the two questions of the seed — agent quality over the last 7 days and the top vendors by spend — from
// the aggregates the server computes over its stored results and payments.

import {h, mount, table, number} from '../dom.js';
import {get, query} from '../api.js';
import {bars} from '../charts.js';

export async function render(main) {
  const [agents, spend] = await Promise.all([
    get('/api/ops/agents' + query({window: 'week'})),
    get('/api/payments/spend' + query({window: 'week'})),
  ]);
  const graded = agents.agents.filter(a => a.quality !== undefined).sort((a, b) => b.quality - a.quality);
  const vendors = Object.entries(spend.vendor_breakdown || {}).map(([vendor, dollars]) => ({vendor, dollars}))
    .sort((a, b) => b.dollars - a.dollars).slice(0, 10);
  const money = v => '$' + Number(v).toFixed(2);
  mount(main,
    h('h1', {}, 'Analytics'),
    h('section', {'aria-labelledby': 'quality-h'},
      h('h2', {id: 'quality-h'}, 'Agent quality over the last 7 days'),
      bars('Mean quality score per agent (graded tasks of the last 7 days)', graded.map(a => ({label: a.agent, value: a.quality})),
        v => number(v, 2)),
      table('Agent quality', [
        ['Agent', a => a.agent], ['Graded tasks', a => String(a.graded)], ['Mean quality', a => number(a.quality, 3)],
        ['Processed', a => String(a.processed)], ['Failed', a => String(a.failed)],
      ], graded, 'No graded task in the last 7 days.')),
    h('section', {'aria-labelledby': 'vendors-h'},
      h('h2', {id: 'vendors-h'}, 'Top vendors by spend (last 7 days)'),
      bars('Spend per vendor', vendors.map(v => ({label: v.vendor, value: v.dollars})), money),
      table('Top vendors', [['Vendor', v => v.vendor], ['Spend', v => money(v.dollars)]], vendors,
        'No spend in the last 7 days.'),
      h('p', {class: 'muted'}, `In all: ${money(spend.total_spent)}; ${spend.approved_intents} approved, `
        + `${spend.denied_intents} denied, ${spend.pending_intents} pending purchases.`)));
}
