// Streams (operators): per topic its length, consumer groups, lag and pending entries; one topic's groups with each
// consumer's pending count and idle time (the stuck-work view) and its newest entries. Live: re-read from Redis (at
// most every 2 s) when the runtime snapshot of the live connection shows a topic's length, pending or dead letters
// changed.

import {h, mount, table, when} from '../dom.js';
import {get, query} from '../api.js';
import * as live from '../live.js';

export async function render(main, route) {
  let shown = null;
  const draw = async () => {
    shown = route.id ? await topic(main, route.id, route.params) : await all(main);
  };
  await draw();
  const figures = snapshot => route.id ? String(snapshot.topics.find(t => t.topic === route.id)?.length)
    : live.topicFigures(snapshot, null);
  return live.whenRuntime(snapshot => figures(snapshot) !== shown, draw, 2000);
}

async function all(main) {
  const stats = await get('/api/bus/stats');
  mount(main,
    h('h1', {}, 'Streams'),
    h('p', {}, `In all: ${stats.totals.length} entries, ${stats.totals.pending} pending, ${stats.totals.dlq_depth} dead letters`
      + (stats.redis ? ` · Redis ${stats.redis.version}, ${stats.redis.used_memory_human}` : '')),
    table('Topic streams', [
      ['Topic', x => h('a', {href: '#/streams/' + encodeURIComponent(x.topic)}, x.topic)],
      ['Agent', x => x.agent],
      ['Length', x => String(x.length)],
      ['Pending', x => String(x.pending)],
      ['Lag', x => (x.groups || []).map(g => g.lag).filter(l => l !== undefined).join(', ') || '—'],
      ['Groups', x => (x.groups || []).map(g => `${g.name} (${g.consumers} consumers, ${g.pending} pending)`).join('; ') || 'none'],
      ['Dead letters', x => x.dlq_depth ? h('a', {href: '#/dead-letters/' + encodeURIComponent(x.topic)}, String(x.dlq_depth)) : '0'],
    ], stats.streams));
  return JSON.stringify(stats.streams.map(x => [x.topic, x.length, x.pending, x.dlq_depth]));
}

async function topic(main, name, params) {
  const limit = Number(params.get('limit') || 20);
  const [groups, inspection] = await Promise.all([
    get(`/api/bus/streams/${encodeURIComponent(name)}/groups`),
    get(`/api/bus/streams/${encodeURIComponent(name)}` + query({limit})),
  ]);
  mount(main,
    h('h1', {}, 'Stream ', name),
    h('p', {}, h('a', {href: '#/streams'}, 'all streams'), ` · ${groups.length} entries · agent ${groups.agent}`),
    h('h2', {}, 'Consumer groups'),
    groups.groups.length ? groups.groups.map(group => h('section', {class: 'group'},
      h('h3', {}, group.name),
      h('p', {}, `${group.consumer_count} consumers · ${group.pending} pending · last delivered ${group.last_delivered_id}`
        + (group.lag !== undefined ? ` · lag ${group.lag}` : '')),
      table('Consumers of ' + group.name, [
        ['Consumer', c => c.name],
        ['Pending', c => String(c.pending)],
        ['Idle', c => (c.idle_ms / 1000).toFixed(1) + ' s'],
        ['Inactive', c => c.inactive_ms !== undefined ? (c.inactive_ms / 1000).toFixed(1) + ' s' : '—'],
      ], group.consumers || [], 'No consumer.'))) : h('p', {class: 'muted'}, 'No consumer group reads this stream yet.'),
    h('h2', {}, 'Newest entries'),
    table(`The newest ${limit} entries`, [
      ['Entry', e => h('span', {class: 'mono'}, e.id)],
      ['Task', e => e.task_id ? h('a', {href: '#/tasks/' + encodeURIComponent(e.task_id)}, e.task_id) : '—'],
      ['Tenant', e => e.envelope?.tenant_id || '—'],
      ['Attempts', e => String(e.envelope?.delivery_attempts ?? '—')],
      ['Created', e => when(e.envelope?.created_at)],
    ], inspection.entries, 'The stream is empty.'));
  return String(groups.length);
}
