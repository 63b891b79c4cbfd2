// Businesses: the list with its filters in the URL (#/businesses?status=SUCCESS&type=saas_tool&q=coffee&from=2026-12-01
// can be shared), every filter applied by the API, and the form that creates one. Live: a listed business's status
// changes in place as the live connection reports it; a change the page does not show (a new business, one that now
// matches the filters) re-reads the list, at most once a second.

import {h, mount, badge, table, when, field, flash} from '../dom.js';
import {get, post, query, ApiError} from '../api.js';
import {navigate} from '../router.js';
import {BUSINESS_STATUSES} from '../statuses.js';
import * as live from '../live.js';

const LIMIT = 50;

function select(name, label, options, value) {
  return field(label, h('select', {name, id: 'filter-' + name},
    h('option', {value: ''}, 'any'),
    options.map(([v, text]) => h('option', {value: v, selected: v === value}, text))));
}

export async function render(main, route, session) {
  const p = route.params;
  const filters = {
    status: p.get('status') || '', type: p.get('type') || '', tenant: p.get('tenant') || '',
    q: p.get('q') || '', from: p.get('from') || '', to: p.get('to') || '', offset: Number(p.get('offset') || 0),
  };
  const types = await get('/api/business-types');
  const typeOptions = types.business_types.map(t => [t.type, t.name]);
  const list = h('div', {id: 'business-list'});
  const shown = new Map();

  async function load() {
    let page;
    try {
      page = await get('/api/businesses' + query({status: filters.status, business_type: filters.type,
        tenant_id: session.has('operator') ? filters.tenant : '', q: filters.q, created_from: filters.from,
        created_to: filters.to, limit: LIMIT, offset: filters.offset}));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      mount(list, h('p', {class: 'error', role: 'alert', id: 'filter-error'}, 'These filters were refused: ' + e.message));
      return;
    }
    shown.clear();
    page.items.forEach(b => shown.set(b.business_id, b));
    const pager = h('nav', {class: 'pager', 'aria-label': 'Pages of businesses'},
      filters.offset > 0 ? h('a', {href: link(filters, Math.max(0, filters.offset - LIMIT))}, '← Newer') : null,
      ' ', `${filters.offset + 1}–${filters.offset + page.count}`, ' ',
      page.count === LIMIT ? h('a', {href: link(filters, filters.offset + LIMIT)}, 'Older →') : null);
    mount(list,
      table('Businesses, newest first', [
        ['Name', b => h('a', {href: '#/businesses/' + encodeURIComponent(b.business_id)}, b.name || b.business_id)],
        ['Status', b => h('span', {class: 'status-cell', dataset: {business: b.business_id}}, badge(b.status))],
        ['Type', b => b.business_type],
        ['Tenant', b => b.tenant_id],
        ['Created', b => when(b.created_at)],
        ['Deployment', b => b.deployment_url ? h('a', {href: b.deployment_url, rel: 'noopener', target: '_blank'}, 'open') : '—'],
      ], page.items, 'No business matches these filters.'),
      pager);
  }

  const reload = live.throttled(1000, load);
  function changed(business) {
    const known = shown.get(business.business_id);
    if (!known && filters.type && business.business_type !== filters.type) return;
    const stillMatches = !filters.status || business.status === filters.status;
    if (known && stillMatches) {
      known.status = business.status;
      const cell = list.querySelector(`.status-cell[data-business="${CSS.escape(business.business_id)}"]`);
      if (cell) mount(cell, badge(business.status));
      if (business.deployment_url && !known.deployment_url) reload();
    } else if (known || filters.offset === 0) {
      reload(); // it left the filtered list, or may be new on the first page
    }
  }

  const form = h('form', {class: 'filters', role: 'search', 'aria-label': 'Filter businesses', onsubmit: event => {
    event.preventDefault();
    const data = new FormData(event.target);
    navigate('businesses', {status: data.get('status'), type: data.get('type'), tenant: data.get('tenant'),
      q: data.get('q'), from: data.get('from'), to: data.get('to')});
  }},
  field('Search name or id', h('input', {type: 'search', name: 'q', id: 'filter-q', value: filters.q, maxlength: 200})),
  select('status', 'Status', BUSINESS_STATUSES.map(s => [s, s]), filters.status),
  select('type', 'Type', typeOptions, filters.type),
  session.has('operator') ? field('Tenant', h('input', {type: 'text', name: 'tenant', value: filters.tenant, size: 12})) : null,
  field('Created from', h('input', {type: 'date', name: 'from', id: 'filter-from', value: filters.from})),
  field('Created to', h('input', {type: 'date', name: 'to', id: 'filter-to', value: filters.to})),
  h('button', {type: 'submit'}, 'Apply'),
  h('a', {href: '#/businesses', class: 'button-link'}, 'Clear'));

  await load();
  mount(main,
    h('h1', {}, 'Businesses'),
    form,
    list,
    session.has('tenant') || session.has('operator') ? createForm(typeOptions, types.business_types) : null);
  const off = live.onAll({business: changed, resync: reload});
  return () => {
    off();
    reload.cancel();
  };
}

function link(filters, offset) {
  const search = query({status: filters.status, type: filters.type, tenant: filters.tenant, q: filters.q,
    from: filters.from, to: filters.to, offset: offset || ''});
  return '#/businesses' + search;
}

function createForm(typeOptions, types) {
  const description = h('textarea', {name: 'description', rows: 3, maxlength: 5000});
  const typeSelect = h('select', {name: 'business_type', id: 'new-type', required: true},
    typeOptions.map(([v, text]) => h('option', {value: v}, text)));
  const hint = h('p', {class: 'muted', id: 'type-hint'});
  const showHint = () => {
    const type = types.find(t => t.type === typeSelect.value);
    hint.textContent = type ? `${type.description} · ${type.difficulty} · deploys in ${type.time_to_deploy}` : '';
  };
  typeSelect.addEventListener('change', showHint);
  showHint();
  const error = h('p', {class: 'error', role: 'alert'});
  return h('section', {'aria-labelledby': 'create-h'},
    h('h2', {id: 'create-h'}, 'Create a business'),
    h('form', {class: 'create', id: 'create-business', onsubmit: async event => {
      event.preventDefault();
      const data = new FormData(event.target);
      const requirements = {};
      if (data.get('name')) requirements.name = data.get('name');
      if (data.get('description')) requirements.description = data.get('description');
      const button = event.target.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        const created = await post('/api/businesses',
          {business_type: data.get('business_type'), requirements, autonomous: data.get('autonomous') === 'on'},
          {headers: {'Idempotency-Key': 'ui-' + crypto.randomUUID()}});
        flash('Business ' + created.business_id + ' accepted.');
        location.hash = '#/businesses/' + encodeURIComponent(created.business_id);
      } catch (e) {
        error.textContent = 'Not created: ' + e.message;
        button.disabled = false;
      }
    }},
    field('Business type', typeSelect), hint,
    field('Name (optional)', h('input', {type: 'text', name: 'name', id: 'new-name', maxlength: 200})),
    field('Description (optional)', description),
    h('label', {class: 'check'}, h('input', {type: 'checkbox', name: 'autonomous', checked: true}),
      ' Autonomous (unchecked: unsafe tasks wait for an approver)'),
    error,
    h('button', {type: 'submit'}, 'Create')));
}
