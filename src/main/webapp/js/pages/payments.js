// Payments: the approval queue with every rule's check (approvers decide), the list with filters in the URL,
// budgets per agent with what is left today, and spend by agent and by vendor.

import {h, mount, badge, table, when, dollars, field, flash} from '../dom.js';
import {get, post, query} from '../api.js';
import {navigate} from '../router.js';
import {bars} from '../charts.js';

const STATUSES = ['REQUESTED', 'DENIED', 'PENDING_APPROVAL', 'APPROVED', 'AUTHORIZED', 'CAPTURING', 'CAPTURE_UNKNOWN',
  'CAPTURED', 'VOIDED', 'EXPIRED', 'FAILED', 'REFUND_PENDING', 'REFUNDED', 'PARTIALLY_REFUNDED', 'REFUND_FAILED'];
const FILTERS = ['status', 'agent_id', 'business_id', 'vendor_id'];

export async function render(main, route, session) {
  const p = route.params;
  const filters = Object.fromEntries(FILTERS.map(name => [name, p.get(name) || '']));
  const [payments, waiting, budgets, catalogue] = await Promise.all([
    get('/api/payments' + query({...filters, limit: 200})),
    get('/api/payments' + query({status: 'PENDING_APPROVAL', limit: 50})),
    get('/api/budgets'),
    get('/api/payments/vendors'),
  ]);
  // the list is a summary: each waiting payment is read in full for its decision and rule checks
  const pending = await Promise.all(waiting.map(p => get('/api/payments/' + encodeURIComponent(p.payment_id))));
  const canDecide = session.has('approver') || session.has('operator');

  mount(main,
    h('h1', {}, 'Payments'),
    h('section', {'aria-labelledby': 'queue-h', id: 'approval-queue'},
      h('h2', {id: 'queue-h'}, 'Waiting for a human (', String(pending.length), ')'),
      pending.length ? h('ul', {class: 'approvals'}, pending.map(payment => approvalCard(payment, canDecide, main, route, session)))
        : h('p', {class: 'muted'}, 'Nothing is waiting for approval.')),
    h('section', {'aria-labelledby': 'list-h'},
      h('h2', {id: 'list-h'}, 'Payments'),
      h('form', {class: 'filters', role: 'search', 'aria-label': 'Filter payments', onsubmit: event => {
        event.preventDefault();
        const data = new FormData(event.target);
        navigate('payments', Object.fromEntries(FILTERS.map(name => [name, data.get(name)])));
      }},
      field('Status', h('select', {name: 'status'}, h('option', {value: ''}, 'any'),
        STATUSES.map(s => h('option', {value: s, selected: s === filters.status}, s)))),
      field('Agent', h('input', {type: 'text', name: 'agent_id', value: filters.agent_id, size: 14})),
      field('Business', h('input', {type: 'text', name: 'business_id', value: filters.business_id, size: 18})),
      field('Vendor', h('input', {type: 'text', name: 'vendor_id', value: filters.vendor_id, size: 12})),
      h('button', {type: 'submit'}, 'Apply'), h('a', {href: '#/payments', class: 'button-link'}, 'Clear')),
      table('Payments, newest first (up to 200)', [
        ['Payment', x => h('span', {class: 'mono', title: x.purpose || ''}, x.payment_id)],
        ['Status', x => badge(x.status)],
        ['Agent', x => x.agent_id],
        ['Vendor', x => x.vendor_id || '—'],
        ['Business', x => x.business_id],
        ['Amount', x => amount(x)],
        ['Created', x => when(x.created_at)],
        ['Error', x => x.error_code || ''],
      ], payments, 'No payment matches these filters.')),
    h('div', {class: 'columns'},
      h('section', {'aria-labelledby': 'budgets-h'}, h('h2', {id: 'budgets-h'}, 'Budgets today'),
        table('Daily budget per agent' + (session.tenant ? ' (tenant ' + session.tenant + ')' : ''), [
          ['Agent', b => b.agent_id],
          ['Daily limit', b => dollars(b.daily_limit_cents)],
          ['Committed', b => dollars(b.committed_today_cents)],
          ['Left', b => h('span', {class: b.remaining_today_cents <= 0 ? 'error' : ''}, dollars(b.remaining_today_cents))],
        ], budgets)),
      h('section', {'aria-labelledby': 'spend-h'}, h('h2', {id: 'spend-h'}, 'Spend (payments listed above)'),
        bars('Spend by agent', totals(payments, 'agent_id'), dollars),
        bars('Spend by vendor', totals(payments, 'vendor_id'), dollars))),
    h('section', {'aria-labelledby': 'vendors-h'}, h('h2', {id: 'vendors-h'}, 'Vendors'),
      table('The vendor catalogue and the agents that may pay each vendor', [
        ['Vendor', v => h('span', {title: v.url}, v.name || v.id)],
        ['Category', v => v.category || '—'],
        ['Pay to', v => h('span', {class: 'mono'}, v.pay_to)],
        ['x402', v => 'v' + v.x402_version],
        ['Price', v => v.price_cents === undefined ? 'quoted' : dollars(v.price_cents)],
        ['Agents', v => (v.default_whitelist ? 'any agent without its own list; ' : '') + (v.agents || []).join(', ')],
      ], catalogue.vendors)));
}

/** What the payment is for in dollars: its cost, else the amount the agent asked to pay at most. */
function amount(payment) {
  const cents = [payment.captured_cents, payment.cost_cents, payment.requested_cents].map(Number).find(c => c > 0);
  return cents ? dollars(cents) : '—';
}

function totals(payments, key) {
  const sums = new Map();
  for (const payment of payments) {
    const cents = Number(payment.captured_cents || 0);
    if (!cents) continue;
    const name = payment[key] || 'unknown';
    sums.set(name, (sums.get(name) || 0) + cents);
  }
  return [...sums.entries()].sort((a, b) => b[1] - a[1]).map(([label, value]) => ({label, value}));
}

function approvalCard(payment, canDecide, main, route, session) {
  const decision = payment.decision || (payment.decisions || [])[0] || {};
  const rationale = h('input', {type: 'text', name: 'rationale', 'aria-label': 'Rationale for ' + payment.payment_id});
  const decide = verdict => async () => {
    try {
      const decided = await post(`/api/payments/${encodeURIComponent(payment.payment_id)}/decision`,
        {decision: verdict, rationale: rationale.value || undefined});
      flash(`Payment ${payment.payment_id}: ${decided.status}.`);
      await render(main, route, session);
    } catch (e) {
      flash('Not decided: ' + e.message, 'error');
    }
  };
  return h('li', {class: 'approval', dataset: {payment: payment.payment_id}},
    h('h3', {}, amount(payment), ' to ', payment.vendor_id || payment.vendor_url,
      ' for ', payment.agent_id),
    h('p', {}, payment.purpose || '', ' · business ', payment.business_id, ' · expires ',
      when(payment.approval_expires_at)),
    table('Rule checks', [
      ['Rule', c => c.code],
      ['Result', c => badge(c.result)],
      ['Observed', c => c.observed ?? '—'],
      ['Limit', c => c.limit ?? '—'],
    ], decision.checks || [], 'No rule checks recorded.'),
    (decision.reasons || []).length ? h('p', {}, 'Why it waits: ',
      decision.reasons.map(r => `${r.code}${r.message ? ' (' + r.message + ')' : ''}`).join('; ')) : null,
    canDecide ? h('div', {class: 'actions'}, field('Rationale', rationale),
      h('button', {type: 'button', class: 'approve', onclick: decide('approve')}, 'Approve'),
      h('button', {type: 'button', class: 'danger', onclick: decide('deny')}, 'Deny'))
      : h('p', {class: 'muted'}, 'An approver decides.'));
}
