// One runtime task: its state, attempts, duration, error history and result, refreshed until it finishes.

import {h, mount, badge, table, when} from '../dom.js';
import {get} from '../api.js';

const FINISHED = ['completed', 'failed', 'dead_lettered', 'timed_out', 'cancelled'];

export async function render(main, route) {
  let timer = null;
  let stopped = false;
  async function refresh() {
    let state;
    try {
      state = await get('/api/tasks/' + encodeURIComponent(route.id));
    } catch (e) {
      mount(main, h('h1', {}, 'Task ' + route.id), h('p', {class: 'error', role: 'alert'}, e.message));
      return;
    }
    if (stopped) return;
    const started = state.started_at ? new Date(state.started_at) : null;
    const ended = state.completed_at ? new Date(state.completed_at) : null;
    mount(main,
      h('h1', {}, 'Task ', h('span', {class: 'mono'}, state.task_id), ' ', h('span', {id: 'task-status'}, badge(state.status))),
      h('dl', {},
        h('dt', {}, 'Topic'), h('dd', {}, state.topic),
        h('dt', {}, 'Agent'), h('dd', {}, state.agent || '—'),
        h('dt', {}, 'Attempts'), h('dd', {}, String(state.attempts)),
        h('dt', {}, 'Created'), h('dd', {}, when(state.created_at)),
        h('dt', {}, 'Started'), h('dd', {}, when(state.started_at)),
        h('dt', {}, 'Finished'), h('dd', {}, when(state.completed_at)),
        h('dt', {}, 'Duration'), h('dd', {}, started && ended ? ((ended - started) / 1000).toFixed(2) + ' s' : '—'),
        h('dt', {}, 'Worker'), h('dd', {}, state.worker_id || '—'),
        h('dt', {}, 'Model'), h('dd', {}, state.model ? state.model + (state.model_tier ? ' (tier ' + state.model_tier + ')' : '') : '—'),
        h('dt', {}, 'Cost'), h('dd', {}, state.cost_cents === undefined ? '—' : Number(state.cost_cents).toFixed(4) + ' ¢'),
        state.business_id ? [h('dt', {}, 'Business'),
          h('dd', {}, h('a', {href: '#/businesses/' + encodeURIComponent(state.business_id)}, state.business_id))] : null,
        state.error ? [h('dt', {}, 'Error'), h('dd', {class: 'error'}, state.error)] : null),
      h('h2', {}, 'Failed attempts'),
      table('Failed attempts', [
        ['Attempt', a => String(a.attempt)], ['Error', a => a.error], ['At', a => when(a.at)], ['Worker', a => a.worker_id || '—'],
        ['Cost', a => a.cost_cents === undefined ? '—' : Number(a.cost_cents).toFixed(4) + ' ¢'],
      ], state.history || [], 'No failed attempt.'),
      state.result !== undefined && state.result !== null ? [h('h2', {}, 'Result'), h('pre', {}, JSON.stringify(state.result, null, 2))] : null);
    if (!FINISHED.includes(state.status)) timer = setTimeout(refresh, 1000);
  }
  await refresh();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
