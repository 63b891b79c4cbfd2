// Dead letters (operators): depth per topic; one topic's entries with error and attempt history; replay the
// selected ones or all, purge after typing the topic's name. Live: re-read (at most every 2 s) when the runtime
// snapshot of the live connection shows another dead-letter depth than the page; selections and open histories stay.

import {h, mount, table, when, flash, field} from '../dom.js';
import {get, post, del, query} from '../api.js';
import * as live from '../live.js';

const LIMIT = 100;

export async function render(main, route) {
  if (route.id) return topicPage(main, route.id, route.params);
  let shown = await overview(main);
  const depth = snapshot => snapshot.topics.reduce((sum, t) => sum + t.dlq_depth, 0);
  return live.whenRuntime(snapshot => depth(snapshot) !== shown, async () => {
    shown = await overview(main);
  }, 2000);
}

async function overview(main) {
  const dlq = await get('/api/bus/dlq');
  mount(main,
    h('h1', {}, 'Dead letters'),
    h('p', {}, `${dlq.total} dead letter${dlq.total === 1 ? '' : 's'} in all.`),
    table('Topics with dead letters', [
      ['Topic', d => h('a', {href: '#/dead-letters/' + encodeURIComponent(d.topic)}, d.topic)],
      ['Agent', d => d.agent],
      ['Depth', d => String(d.depth)],
    ], dlq.dead_letters, 'No dead letters: every task either completed or is still being retried.'));
  return dlq.total;
}

async function topicPage(main, topic, params) {
  const inspection = await get(`/api/bus/dlq/${encodeURIComponent(topic)}` + query({limit: LIMIT}));
  const text = (params.get('q') || '').toLowerCase();
  const outcome = h('div', {id: 'replay-outcome', 'aria-live': 'polite'});
  const boxes = new Map();
  const selected = new Set();
  const opened = new Set();

  async function replay(ids) {
    try {
      const result = await post(`/api/bus/dlq/${encodeURIComponent(topic)}/replay`, ids ? {ids} : {});
      mount(outcome, h('div', {class: 'flash flash-info'},
        h('p', {}, `Replayed ${result.replayed}; ${result.remaining} left on the topic.`
          + (result.not_found.length ? ` Already gone: ${result.not_found.join(', ')}.` : '')
          + (result.skipped.length ? ` Skipped (not an envelope of this topic): ${result.skipped.join(', ')}.` : '')),
        result.task_ids.length ? h('ul', {class: 'replayed'}, result.task_ids.map(id =>
          h('li', {}, h('a', {href: '#/tasks/' + encodeURIComponent(id)}, 'task ' + id)))) : null));
      await refreshList();
    } catch (e) {
      flash('Not replayed: ' + e.message, 'error');
    }
  }

  const list = h('div', {});
  async function refreshList() {
    const fresh = await get(`/api/bus/dlq/${encodeURIComponent(topic)}` + query({limit: LIMIT}));
    inspection.entries = fresh.entries;
    inspection.depth = fresh.depth;
    drawList();
  }

  function drawList() {
    boxes.clear();
    const shown = inspection.entries.filter(e => !text || (e.task_id || '').includes(text)
      || (e.error || '').toLowerCase().includes(text));
    mount(list,
      h('p', {}, `${inspection.depth} dead letter${inspection.depth === 1 ? '' : 's'} on ${topic}`
        + (inspection.depth > LIMIT ? `; the newest ${LIMIT} are shown.` : '.')),
      shown.length ? h('ul', {class: 'dead-letters'}, shown.map(entry => {
        const box = h('input', {type: 'checkbox', value: entry.id, checked: selected.has(entry.id),
          'aria-label': 'Select ' + (entry.task_id || entry.id),
          onchange: event => event.target.checked ? selected.add(entry.id) : selected.delete(entry.id)});
        boxes.set(entry.id, box);
        return h('li', {class: 'dead-letter', dataset: {task: entry.task_id || ''}},
          h('div', {class: 'dl-head'}, box, ' ',
            h('strong', {}, entry.task_id || entry.id), ' · ', entry.attempts ?? '?', ' attempts · failed ',
            when(entry.failed_at)),
          h('p', {class: 'error'}, entry.error || '(no error recorded)'),
          h('details', {open: opened.has(entry.id),
            ontoggle: event => event.target.open ? opened.add(entry.id) : opened.delete(entry.id)},
            h('summary', {}, 'Attempt history and envelope'),
            table('Attempts', [
              ['Attempt', a => String(a.attempt)],
              ['Error', a => a.error],
              ['At', a => when(a.at)],
              ['Worker', a => a.worker_id || '—'],
            ], entry.history || [], 'No attempt history recorded.'),
            h('pre', {}, JSON.stringify(entry.envelope ?? entry.undecodable ?? null, null, 2))));
      })) : h('p', {class: 'muted'}, 'No dead letter matches.'));
  }

  const confirmInput = h('input', {type: 'text', name: 'confirm', id: 'purge-confirm', autocomplete: 'off'});
  const purge = h('form', {class: 'purge', hidden: true, onsubmit: async event => {
    event.preventDefault();
    if (confirmInput.value !== topic) {
      flash('Type the topic name exactly to purge.', 'error');
      return;
    }
    try {
      const result = await del(`/api/bus/dlq/${encodeURIComponent(topic)}`);
      flash(`Purged ${result.purged} dead letters of ${topic}.`);
      purge.hidden = true;
      await refreshList();
    } catch (e) {
      flash('Not purged: ' + e.message, 'error');
    }
  }},
  field(`Type ${topic} to delete every dead letter of this topic for good`, confirmInput),
  h('button', {type: 'submit', class: 'danger'}, 'Purge for good'));

  mount(main,
    h('h1', {}, 'Dead letters: ' + topic),
    h('p', {}, h('a', {href: '#/dead-letters'}, 'all topics'), ' · agent ', inspection.agent),
    h('form', {class: 'filters', role: 'search', onsubmit: event => {
      event.preventDefault();
      const q = new FormData(event.target).get('q');
      location.hash = '#/dead-letters/' + encodeURIComponent(topic) + query({q});
    }}, field('Search task id or error', h('input', {type: 'search', name: 'q', value: params.get('q') || ''})),
    h('button', {type: 'submit'}, 'Search')),
    h('div', {class: 'toolbar'},
      h('button', {type: 'button', id: 'replay-selected', onclick: () => {
        const ids = [...boxes.entries()].filter(([, box]) => box.checked).map(([id]) => id);
        if (!ids.length) {
          flash('Select at least one dead letter to replay.', 'error');
          return;
        }
        replay(ids);
      }}, 'Replay selected'),
      h('button', {type: 'button', id: 'replay-all', onclick: () => replay(null)}, 'Replay all'),
      h('button', {type: 'button', class: 'danger', id: 'purge', onclick: () => {
        purge.hidden = false;
        confirmInput.focus();
      }}, 'Purge…')),
    purge, outcome, list);
  drawList();
  return live.whenRuntime(snapshot => snapshot.topics.find(t => t.topic === topic)?.dlq_depth !== inspection.depth,
    refreshList, 2000);
}
