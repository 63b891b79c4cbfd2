// Businesses: the list with its filters in the URL (#/businesses?status=SUCCESS&type=saas_tool&offset=20 can be
// shared), and the form that creates one.

import {h, mount, badge, table, when, field, flash} from '../dom.js';
import {get, post, query} from '../api.js';
import {navigate} from '../router.js';
import {BUSINESS_STATUSES} from '../statuses.js';

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
    q: p.get('q') || '', since: p.get('since') || '', offset: Number(p.get('offset') || 0),
  };
  const [types, page] = await Promise.all([
    get('/api/business-types'),
    get('/api/businesses' + query({status: filters.status, business_type: filters.type,
      tenant_id: session.has('operator') ? filters.tenant : '', limit: LIMIT, offset: filters.offset})),
  ]);
  const typeOptions = types.business_types.map(t => [t.type, t.name]);
  const text = filters.q.toLowerCase();
  const items = page.items.filter(b => (!text || b.business_id.includes(text) || (b.name || '').toLowerCase().includes(text))
    && (!filters.since || b.created_at >= filters.since));

  const form = h('form', {class: 'filters', role: 'search', 'aria-label': 'Filter businesses', onsubmit: event => {
    event.preventDefault();
    const data = new FormData(event.target);
    navigate('businesses', {status: data.get('status'), type: data.get('type'), tenant: data.get('tenant'),
      q: data.get('q'), since: data.get('since')});
  }},
  field('Search name or id', h('input', {type: 'search', name: 'q', value: filters.q})),
  select('status', 'Status', BUSINESS_STATUSES.map(s => [s, s]), filters.status),
  select('type', 'Type', typeOptions, filters.type),
  session.has('operator') ? field('Tenant', h('input', {type: 'text', name: 'tenant', value: filters.tenant, size: 12})) : null,
  field('Created on or after', h('input', {type: 'date', name: 'since', value: filters.since})),
  h('button', {type: 'submit'}, 'Apply'),
  h('a', {href: '#/businesses', class: 'button-link'}, 'Clear'));

  const pager = h('nav', {class: 'pager', 'aria-label': 'Pages of businesses'},
    filters.offset > 0 ? h('a', {href: link(filters, Math.max(0, filters.offset - LIMIT))}, '← Newer') : null,
    ' ', `${filters.offset + 1}–${filters.offset + page.count}`, ' ',
    page.count === LIMIT ? h('a', {href: link(filters, filters.offset + LIMIT)}, 'Older →') : null);

  mount(main,
    h('h1', {}, 'Businesses'),
    form,
    table('Businesses, newest first', [
      ['Name', b => h('a', {href: '#/businesses/' + encodeURIComponent(b.business_id)}, b.name || b.business_id)],
      ['Status', b => badge(b.status)],
      ['Type', b => b.business_type],
      ['Tenant', b => b.tenant_id],
      ['Created', b => when(b.created_at)],
      ['Deployment', b => b.deployment_url ? h('a', {href: b.deployment_url, rel: 'noopener', target: '_blank'}, 'open') : '—'],
    ], items, 'No business matches these filters.'),
    pager,
    session.has('tenant') || session.has('operator') ? createForm(typeOptions, types.business_types) : null);
}

function link(filters, offset) {
  const search = query({status: filters.status, type: filters.type, tenant: filters.tenant, q: filters.q,
    since: filters.since, offset: offset || ''});
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
