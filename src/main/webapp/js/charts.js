// Small charts drawn as inline SVG (no library): horizontal bars and a line over time. Colours come from CSS.

import {s, h} from './dom.js';

/** Horizontal bars: items [{label, value, title?, cls?}], values formatted by format. */
export function bars(caption, items, format = v => String(v)) {
  if (!items.length) return h('p', {class: 'muted'}, 'No data for ' + caption.toLowerCase() + '.');
  const row = 26;
  const labelWidth = 190;
  const width = 640;
  const max = Math.max(...items.map(i => i.value), 1);
  const height = items.length * row + 4;
  return h('figure', {class: 'chart'},
    s('svg', {viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': caption, class: 'bars',
      preserveAspectRatio: 'xMinYMin meet'},
    items.map((item, i) => {
      const length = Math.max(1, (width - labelWidth - 90) * item.value / max);
      const y = i * row + 2;
      return s('g', {class: item.cls || ''},
        s('title', {}, item.title || `${item.label}: ${format(item.value)}`),
        s('text', {x: labelWidth - 8, y: y + 16, 'text-anchor': 'end', class: 'label'}, item.label),
        s('rect', {x: labelWidth, y: y + 3, width: length, height: row - 8, rx: 3, class: 'bar'}),
        s('text', {x: labelWidth + length + 6, y: y + 16, class: 'value'}, format(item.value)));
    })),
    h('figcaption', {}, caption));
}

/** Lines over time on one scale: series [{name, cls, points: [{t: Date, v: number}]}], with a legend. */
export function lines(caption, series, unit = '') {
  const width = 640;
  const height = 160;
  const pad = 30;
  const all = series.flatMap(one => one.points);
  if (all.length < 2) {
    return h('figure', {class: 'chart'}, h('p', {class: 'muted'}, caption + ': waiting for a second sample…'));
  }
  const t0 = Math.min(...all.map(p => p.t.getTime()));
  const t1 = Math.max(...all.map(p => p.t.getTime()));
  const max = Math.max(...all.map(p => p.v), 1);
  const x = t => pad + (width - 2 * pad) * (t.getTime() - t0) / Math.max(1, t1 - t0);
  const y = v => height - pad - (height - 2 * pad) * v / max;
  const path = points => points.map((p, i) => (i ? 'L' : 'M') + x(p.t).toFixed(1) + ' ' + y(p.v).toFixed(1)).join(' ');
  const label = t => (t1 - t0 > 24 * 3600 * 1000 ? t.toLocaleDateString() + ' ' : '') + t.toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
  return h('figure', {class: 'chart'},
    s('svg', {viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': caption, class: 'line'},
      s('line', {x1: pad, y1: height - pad, x2: width - pad, y2: height - pad, class: 'axis'}),
      s('text', {x: 2, y: y(max) + 4, class: 'label'}, (max < 10 ? max.toFixed(1) : max.toFixed(0)) + unit),
      s('text', {x: 2, y: height - pad + 4, class: 'label'}, '0'),
      series.map(one => s('path', {d: path(one.points), class: 'series ' + (one.cls || '')}, s('title', {}, one.name))),
      s('text', {x: pad, y: height - 8, class: 'label'}, label(new Date(t0))),
      s('text', {x: width - pad, y: height - 8, 'text-anchor': 'end', class: 'label'}, label(new Date(t1)))),
    h('figcaption', {}, caption, ' ', series.map(one => h('span', {class: 'legend ' + (one.cls || '')}, one.name))));
}

/** One line over time: points [{t: Date, v: number}]. */
export function line(caption, points, unit = '') {
  return lines(caption, [{name: caption, points}], unit);
}
