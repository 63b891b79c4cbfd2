// One business: its lifecycle as a live timeline (Server-Sent Events), the task DAG, each task's agent, attempts,
// duration and quality, revenue projection, spend, deployment link, and decisions on held tasks (approvers).

import {h, mount, badge, table, when, number, flash, stat} from '../dom.js';
import {get, post, follow, ApiError} from '../api.js';
import {draw, setStatus} from '../dag.js';

const TERMINAL = ['SUCCESS', 'FAILED', 'BLOCKED'];

export async function render(main, route, session) {
  const id = route.id;
  let business = await get('/api/businesses/' + encodeURIComponent(id));
  const seen = new Set();
  const timeline = h('ol', {class: 'timeline', id: 'timeline', 'aria-live': 'polite'});
  const live = h('span', {class: 'live', id: 'live-state'}, 'connecting');
  const statusBadge = h('span', {id: 'business-status'}, badge(business.status));
  const title = h('span', {id: 'business-name'}, business.requirements?.name || id);
  const detail = h('section', {class: 'task-detail', id: 'task-detail', 'aria-live': 'polite'},
    h('p', {class: 'muted'}, 'Select a task in the graph (click, or Tab then Enter) to see its details.'));
  const tasksById = new Map(business.task_results.map(t => [t.task_id, t]));
  const graph = h('div', {class: 'dag-scroll'});
  const taskTable = h('div', {});
  const summary = h('div', {});
  const approvals = h('div', {});
  let svg = null;

  function addTransition(t) {
    const key = t.state + '@' + t.at;
    if (seen.has(key)) return;
    seen.add(key);
    timeline.append(h('li', {dataset: {state: t.state}}, badge(t.state), ' ', h('time', {datetime: t.at}, when(t.at)),
      ' ', h('span', {}, t.reason || '')));
  }

  function renderTasks() {
    svg = draw([...tasksById.values()], selectTask);
    mount(graph, svg);
    renderTable();
  }

  // the table and the held tasks only: redrawing the graph would take the keyboard focus off its node
  function renderTable() {
    const tasks = [...tasksById.values()];
    mount(taskTable, table('Tasks', [
      ['Task', t => h('span', {title: t.description}, t.task_type)],
      ['Status', t => badge(t.status)],
      ['Agent', t => t.agent || '—'],
      ['Attempts', t => String(t.attempts ?? 0)],
      ['Quality', t => number(t.quality_score, 2)],
      ['Model', t => t.model || '—'],
      ['Critical', t => t.critical ? 'yes' : ''],
    ], tasks));
    renderApprovals();
  }

  let heldKey = null;
  function renderApprovals() {
    const held = [...tasksById.values()].filter(t => t.status === 'awaiting_approval');
    // redrawn only when the set of held tasks changes, so a comment being typed survives other tasks' events
    const key = held.map(t => t.task_id).join(' ');
    if (key === heldKey) return;
    heldKey = key;
    if (!held.length) {
      mount(approvals);
      return;
    }
    const canDecide = session.has('approver') || session.has('operator');
    mount(approvals, h('h2', {}, 'Held for approval'),
      table('Tasks the safety gate held', [
        ['Task', t => t.task_type],
        ['Agent', t => t.agent || '—'],
        ['Safety score', t => number(t.safety_score, 2)],
        ['Decision', t => canDecide ? decisionControls(t) : h('span', {class: 'muted'}, 'an approver decides')],
      ], held));
  }

  function decisionControls(task) {
    const comment = h('input', {type: 'text', name: 'comment', 'aria-label': 'Comment on ' + task.task_type});
    const decide = decision => async () => {
      try {
        business = await post(`/api/businesses/${encodeURIComponent(id)}/approvals/${encodeURIComponent(task.task_id)}`,
          {decision, comment: comment.value || undefined});
        business.task_results.forEach(t => tasksById.set(t.task_id, t));
        renderTasks();
        flash(`Task ${task.task_type}: ${decision === 'approve' ? 'approved' : 'rejected'}.`);
      } catch (e) {
        flash('Not decided: ' + e.message, 'error');
      }
    };
    return h('span', {class: 'actions', dataset: {task: task.task_id}}, comment,
      h('button', {type: 'button', onclick: decide('approve')}, 'Approve'),
      h('button', {type: 'button', class: 'danger', onclick: decide('reject')}, 'Reject'));
  }

  async function selectTask(task) {
    const current = tasksById.get(task.task_id) || task;
    mount(detail, h('h3', {}, current.task_type), h('dl', {},
      h('dt', {}, 'Task'), h('dd', {}, current.task_id),
      h('dt', {}, 'Description'), h('dd', {}, current.description || '—'),
      h('dt', {}, 'Status'), h('dd', {}, badge(current.status)),
      h('dt', {}, 'Agent'), h('dd', {}, current.agent || '—'),
      h('dt', {}, 'Attempts'), h('dd', {}, String(current.attempts ?? 0)),
      h('dt', {}, 'Quality'), h('dd', {}, number(current.quality_score, 2)),
      h('dt', {}, 'Model tier'), h('dd', {}, current.model_tier || '—'),
      h('dt', {}, 'Model'), h('dd', {}, current.model || 'none (offline work)'),
      h('dt', {}, 'Estimated cost'), h('dd', {}, current.estimated_cost === undefined ? '—' : '$' + Number(current.estimated_cost).toFixed(4)),
      h('dt', {}, 'Depends on'), h('dd', {}, (current.depends_on || []).join(', ') || 'nothing'),
      current.error ? [h('dt', {}, 'Error'), h('dd', {class: 'error'}, current.error)] : null,
      current.runtime_task_id ? [h('dt', {}, 'Runtime task'),
        h('dd', {}, h('a', {href: '#/tasks/' + encodeURIComponent(current.runtime_task_id)}, 'state, duration and history'))] : null));
  }

  async function renderSummary() {
    const spend = await get(`/api/businesses/${encodeURIComponent(id)}/spend`).catch(e => ({error: e.message}));
    const projection = business.revenue_projection;
    mount(summary,
      h('div', {class: 'cards'},
        stat('Type', business.business_type),
        stat('Tenant', business.tenant_id),
        stat('Mode', business.autonomous ? 'autonomous' : 'supervised'),
        stat('Created', when(business.created_at)),
        stat('Execution time', number(business.execution_time_seconds, 1) + ' s'),
        stat('Deployment', business.deployment_url
          ? h('a', {href: business.deployment_url, id: 'deployment-link', rel: 'noopener', target: '_blank'}, business.deployment_url)
          : h('span', {class: 'muted'}, 'not deployed yet'))),
      business.error_message ? h('p', {class: 'error'}, business.error_message) : null,
      h('div', {class: 'columns'},
        h('section', {'aria-labelledby': 'revenue-h'}, h('h2', {id: 'revenue-h'}, 'Revenue projection'),
          projection && typeof projection === 'object' ? keyValues(projection, 'revenue-projection') : h('p', {class: 'muted'}, 'Projected when the business ends.')),
        h('section', {'aria-labelledby': 'spend-h'}, h('h2', {id: 'spend-h'}, 'Spend'),
          spend.error ? h('p', {class: 'muted'}, spend.error) : keyValues(spend, 'spend-summary'))));
  }

  mount(main,
    h('h1', {}, title, ' ', statusBadge),
    h('p', {class: 'muted'}, id, ' · ', h('a', {href: '#/businesses'}, 'all businesses')),
    summary,
    approvals,
    h('div', {class: 'columns'},
      h('section', {'aria-labelledby': 'timeline-h'}, h('h2', {id: 'timeline-h'}, 'Timeline ', live), timeline),
      detail),
    h('section', {'aria-labelledby': 'dag-h'}, h('h2', {id: 'dag-h'}, 'Task graph'), graph),
    h('section', {}, h('h2', {}, 'Tasks'), taskTable));
  business.transitions.forEach(addTransition);
  renderTasks();
  await renderSummary();

  const stream = follow(`/api/businesses/${encodeURIComponent(id)}/events`, event => {
    if (event.type === 'transition') {
      addTransition(event.data);
      mount(statusBadge, badge(event.data.state));
    } else if (event.type === 'task') {
      const known = tasksById.get(event.data.task_id);
      if (known) {
        tasksById.set(event.data.task_id, {...known, status: event.data.status, agent: event.data.agent || known.agent});
        if (!svg || !setStatus(svg, event.data.task_id, event.data.status)) renderTasks();
        scheduleTable();
      } else {
        refetch();
      }
    } else if (event.type === 'end') {
      refetch();
      return 'stop';
    }
    return undefined;
  }, (state, status) => {
    live.textContent = state === 'refused' ? 'not live (HTTP ' + status + ')' : state;
    live.className = 'live live-' + state;
  });

  let tableTimer = null;
  function scheduleTable() {
    clearTimeout(tableTimer);
    tableTimer = setTimeout(renderTable, 300);
  }

  async function refetch() {
    try {
      business = await get('/api/businesses/' + encodeURIComponent(id));
      business.task_results.forEach(t => tasksById.set(t.task_id, t));
      business.transitions.forEach(addTransition);
      mount(statusBadge, badge(business.status));
      title.textContent = business.requirements?.name || id;
      renderTasks();
      await renderSummary();
      if (TERMINAL.includes(business.status)) main.dataset.ended = business.status;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      flash('Could not reload the business: ' + e.message, 'error');
    }
  }

  return () => {
    stream.abort();
    clearTimeout(tableTimer);
  };
}

function keyValues(object, id) {
  const entries = Object.entries(object);
  if (!entries.length) return h('p', {class: 'muted'}, 'Nothing yet.');
  return h('dl', {id},
    entries.map(([key, value]) => [h('dt', {}, key.replace(/_/g, ' ')),
      h('dd', {}, value !== null && typeof value === 'object' ? formatObject(value) : String(value))]));
}

function formatObject(value) {
  if (Array.isArray(value)) return value.map(v => typeof v === 'object' ? JSON.stringify(v) : String(v)).join(', ');
  return Object.entries(value).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join(' · ');
}
