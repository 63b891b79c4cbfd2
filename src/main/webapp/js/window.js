// The time window of the server-kept charts (GET /api/ops/...?window=), chosen on the page and kept in its URL.

import {h, field} from './dom.js';

export const WINDOWS = [['hour', 'last hour'], ['day', 'last day'], ['week', 'last week']];

/** The window named in the URL, or the default. */
export function windowOf(params, fallback = 'hour') {
  const value = params.get('window');
  return WINDOWS.some(([name]) => name === value) ? value : fallback;
}

/** A labelled select that moves the page to the chosen window (onChange gets its name). */
export function windowSelect(current, onChange) {
  return field('Window', h('select', {name: 'window', id: 'window', onchange: event => onChange(event.target.value)},
    WINDOWS.map(([name, text]) => h('option', {value: name, selected: name === current}, text))));
}
