// The task DAG of a business as SVG: one column per depth (a task sits one column right of its deepest dependency),
// edges from dependency to dependent, each node coloured by its status through the CSS class st-<status>.

import {s} from './dom.js';

const COLUMN = 170;
const ROW = 46;
const NODE_W = 150;
const NODE_H = 34;
const PAD = 10;

/** Column of each task: 0 for tasks without dependencies, else 1 + the deepest dependency's column. */
export function layers(tasks) {
  const byId = new Map(tasks.map(t => [t.task_id, t]));
  const depth = new Map();
  const visiting = new Set();
  function of(id) {
    if (depth.has(id)) return depth.get(id);
    if (visiting.has(id) || !byId.has(id)) return 0; // a cycle or an unknown id cannot push a node further right
    visiting.add(id);
    const deps = byId.get(id).depends_on || [];
    const d = deps.length ? 1 + Math.max(...deps.map(of)) : 0;
    visiting.delete(id);
    depth.set(id, d);
    return d;
  }
  tasks.forEach(t => of(t.task_id));
  return depth;
}

function cls(status) {
  return 'node st-' + String(status).toLowerCase().replace(/_/g, '-');
}

/** The SVG; onSelect(task) is called on click or Enter/Space on a node (nodes are focusable buttons). */
export function draw(tasks, onSelect) {
  const depth = layers(tasks);
  const rows = new Map();
  const position = new Map();
  for (const task of tasks) {
    const column = depth.get(task.task_id);
    const row = rows.get(column) || 0;
    rows.set(column, row + 1);
    position.set(task.task_id, {x: PAD + column * COLUMN, y: PAD + row * ROW});
  }
  const width = PAD * 2 + (Math.max(0, ...depth.values()) * COLUMN) + NODE_W;
  const height = PAD * 2 + (Math.max(1, ...rows.values()) - 1) * ROW + NODE_H;
  const edges = [];
  for (const task of tasks) {
    const to = position.get(task.task_id);
    for (const dep of task.depends_on || []) {
      const from = position.get(dep);
      if (!from) continue;
      const x1 = from.x + NODE_W;
      const y1 = from.y + NODE_H / 2;
      const x2 = to.x;
      const y2 = to.y + NODE_H / 2;
      const mid = (x1 + x2) / 2;
      edges.push(s('path', {class: 'edge', d: `M${x1} ${y1} C${mid} ${y1} ${mid} ${y2} ${x2} ${y2}`}));
    }
  }
  const nodes = tasks.map(task => {
    const {x, y} = position.get(task.task_id);
    const label = task.task_type.length > 20 ? task.task_type.slice(0, 19) + '…' : task.task_type;
    const select = () => onSelect(task);
    return s('g', {class: cls(task.status), transform: `translate(${x} ${y})`, tabindex: 0, role: 'button',
      'data-task': task.task_id, 'data-status': task.status,
      'aria-label': `${task.task_type} on ${task.agent || 'no agent'}: ${task.status}`,
      onclick: select, onkeydown: e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(); } }},
    s('title', {}, `${task.task_id}\n${task.description || ''}\n${task.agent || ''} · ${task.status}`),
    s('rect', {width: NODE_W, height: NODE_H, rx: 6}),
    s('text', {x: 8, y: 14, class: 'node-type'}, label),
    s('text', {x: 8, y: 28, class: 'node-agent'}, (task.agent || '—').replace(/_agent$/, '') + ' · ' + task.status));
  });
  return s('svg', {class: 'dag', viewBox: `0 0 ${width} ${height}`, width, height, role: 'group',
    'aria-label': `Task graph: ${tasks.length} tasks`}, s('g', {}, edges), s('g', {}, nodes));
}

/** Changes one node's status in place (an SSE task event). */
export function setStatus(svg, taskId, status) {
  const node = svg.querySelector(`g[data-task="${CSS.escape(taskId)}"]`);
  if (!node) return false;
  node.setAttribute('class', cls(status));
  node.dataset.status = status;
  const agent = node.querySelector('.node-agent');
  if (agent) agent.textContent = agent.textContent.replace(/ · .*$/, ' · ' + status);
  return true;
}
