// Agents (operators): each agent's policy, live queue figures and cumulative counters.

import {h, mount, table, number} from '../dom.js';
import {get} from '../api.js';
import {bars} from '../charts.js';

export async function render(main) {
  const agents = (await get('/api/agents')).agents;
  mount(main,
    h('h1', {}, 'Agents'),
    table(`${agents.length} agents`, [
      ['Agent', a => h('span', {title: a.topic}, a.name)],
      ['Retries', a => String(a.policy.max_retries)],
      ['Delay', a => a.policy.retry_delay_seconds + ' s'],
      ['Timeout', a => a.policy.timeout_seconds + ' s'],
      ['Consumers', a => String(a.policy.consumers)],
      ['Queued', a => String(a.live?.stream_length ?? '—')],
      ['In flight', a => String(a.live?.pending ?? '—')],
      ['Dead letters', a => a.live?.dlq_depth ? h('a', {href: '#/dead-letters/' + encodeURIComponent(a.topic)}, String(a.live.dlq_depth)) : '0'],
      ['Processed', a => String(a.counters?.processed ?? 0)],
      ['Failed', a => String(a.counters?.failed ?? 0)],
      ['Retried', a => String(a.counters?.retried ?? 0)],
      ['Average', a => number(a.counters?.avg_processing_ms, 0) + ' ms'],
    ], agents),
    bars('Tasks processed per agent', agents.filter(a => a.counters?.processed).map(a => ({label: a.name, value: a.counters.processed}))),
    bars('Average processing time per agent (ms)', agents.filter(a => a.counters?.avg_processing_ms)
      .map(a => ({label: a.name, value: a.counters.avg_processing_ms})), v => number(v, 0) + ' ms'));
}
