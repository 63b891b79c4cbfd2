// Building the page without innerHTML: every value from the API becomes a text node, so nothing it says can run.

const SVG = 'http://www.w3.org/2000/svg';

function build(element, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** An HTML element: h('a', {href: '#/x'}, 'text', otherNode). */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element. */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG, tag), attrs, children);
}

/** Replaces everything inside a node. */
export function mount(node, ...children) {
  node.replaceChildren();
  return build(node, {}, children);
}

/** A table of rows; columns are [heading, row => cell content]. */
export function table(caption, columns, rows, empty = 'Nothing to show.') {
  if (!rows.length) {
    return h('p', {class: 'muted'}, empty);
  }
  return h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, columns.map(([heading]) => h('th', {scope: 'col'}, heading)))),
    h('tbody', {}, rows.map(row => h('tr', {}, columns.map(([, cell]) => h('td', {}, cell(row)))))));
}

/** A labelled value for the cards of a summary. */
export function stat(label, value, extra) {
  return h('div', {class: 'stat'}, h('div', {class: 'stat-label'}, label),
    h('div', {class: 'stat-value'}, value), extra ? h('div', {class: 'stat-extra'}, extra) : null);
}

/** A status as a coloured badge (the colour comes from the CSS class of the status). */
export function badge(status) {
  const text = String(status ?? 'unknown');
  return h('span', {class: 'badge st-' + text.toLowerCase().replace(/[^a-z0-9]+/g, '-')}, text);
}

export function field(label, control) {
  return h('label', {class: 'field'}, h('span', {}, label), control);
}

export function when(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export function ago(iso) {
  if (!iso) return '—';
  const seconds = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
  if (seconds < 60) return seconds + ' s ago';
  if (seconds < 3600) return Math.round(seconds / 60) + ' min ago';
  return Math.round(seconds / 3600) + ' h ago';
}

export function dollars(cents) {
  return cents === undefined || cents === null ? '—' : '$' + (Number(cents) / 100).toFixed(2);
}

export function number(value, digits = 0) {
  return value === undefined || value === null ? '—' : Number(value).toFixed(digits);
}

/** A short message in the live region at the top of the page. */
export function flash(message, kind = 'info') {
  const region = document.getElementById('flash');
  mount(region, h('p', {class: 'flash flash-' + kind}, message));
}
