// Payments: the approval queue with every rule's check (approvers decide), the list with filters in the URL,
// budgets per agent with what is left today, and spend by agent and by vendor. Live: read again (at most every 2 s)
// when the live connection reports a payment of the caller's tenant changed status.

import {h, mount, badge, table, when, dollars, field, flash} from '../dom.js';
import {get, post, query} from '../api.js';
import {navigate} from '../router.js';
import {bars} from '../charts.js';
import * as live from '../live.js';

const STATUSES = ['REQUESTED', 'DENIED', 'PENDING_APPROVAL', 'APPROVED', 'AUTHORIZED', 'CAPTURING', 'CAPTURE_UNKNOWN',
  'CAPTURED', 'VOIDED', 'EXPIRED', 'FAILED', 'REFUND_PENDING', 'REFUNDED', 'PARTIALLY_REFUNDED', 'REFUND_FAILED'];
const FILTERS = ['status', 'agent_id', 'business_id', 'vendor_id'];

export async function render(main, route, session) {
  const p = route.params;
  const filters = Object.fromEntries(FILTERS.map(name => [name, p.get(name) || '']));
  const canDecide = session.has('approver') || session.has('operator');
  const cards = new Map();
  const cardList = h('ul', {class: 'approvals'});
  const queueCount = h('span', {}, '0');
  const noneWaiting = h('p', {class: 'muted'}, 'Nothing is waiting for approval.');
  const queue = h('section', {'aria-labelledby': 'queue-h', id: 'approval-queue'},
    h('h2', {id: 'queue-h'}, 'Waiting for a human (', queueCount, ')'), cardList, noneWaiting);
  const listed = h('div', {});
  const money = h('div', {class: 'columns'});
  const vendors = h('section', {'aria-labelledby': 'vendors-h'});

  async function load() {
    const [payments, waiting, budgets, catalogue] = await Promise.all([
      get('/api/payments' + query({...filters, limit: 200})),
      get('/api/payments' + query({status: 'PENDING_APPROVAL', limit: 50})),
      get('/api/budgets'),
      get('/api/payments/vendors'),
    ]);
    // cards are added and removed one by one, so a rationale being typed in one survives changes of the others
    const waitingIds = new Set(waiting.map(x => x.payment_id));
    for (const [id, card] of cards) {
      if (!waitingIds.has(id)) {
        card.remove();
        cards.delete(id);
      }
    }
    // the list is a summary: each newly waiting payment is read in full for its decision and rule checks
    const fresh = await Promise.all(waiting.filter(x => !cards.has(x.payment_id))
      .map(x => get('/api/payments/' + encodeURIComponent(x.payment_id))));
    fresh.forEach(payment => cards.set(payment.payment_id, approvalCard(payment, canDecide, load)));
    const ordered = waiting.map(x => cards.get(x.payment_id)).filter(Boolean);
    if (ordered.some((card, i) => cardList.children[i] !== card)) {
      ordered.forEach(card => cardList.append(card)); // append moves an existing card: the API's order, nothing rebuilt
    }
    mount(queueCount, String(cards.size));
    cardList.hidden = cards.size === 0;
    noneWaiting.hidden = cards.size > 0;
    mount(listed, table('Payments, newest first (up to 200)', [
      ['Payment', x => h('span', {class: 'mono', title: x.purpose || ''}, x.payment_id)],
      ['Status', x => badge(x.status)],
      ['Agent', x => x.agent_id],
      ['Vendor', x => x.vendor_id || '—'],
      ['Business', x => x.business_id],
      ['Amount', x => amount(x)],
      ['Created', x => when(x.created_at)],
      ['Error', x => x.error_code || ''],
    ], payments, 'No payment matches these filters.'));
    mount(money,
      h('section', {'aria-labelledby': 'budgets-h'}, h('h2', {id: 'budgets-h'}, 'Budgets today'),
        table('Daily budget per agent' + (session.tenant ? ' (tenant ' + session.tenant + ')' : ''), [
          ['Agent', b => b.agent_id],
          ['Daily limit', b => dollars(b.daily_limit_cents)],
          ['Committed', b => dollars(b.committed_today_cents)],
          ['Left', b => h('span', {class: b.remaining_today_cents <= 0 ? 'error' : ''}, dollars(b.remaining_today_cents))],
        ], budgets)),
      h('section', {'aria-labelledby': 'spend-h'}, h('h2', {id: 'spend-h'}, 'Spend (payments listed above)'),
        bars('Spend by agent', totals(payments, 'agent_id'), dollars),
        bars('Spend by vendor', totals(payments, 'vendor_id'), dollars)));
    mount(vendors, h('h2', {id: 'vendors-h'}, 'Vendors'),
      table('The vendor catalogue and the agents that may pay each vendor', [
        ['Vendor', v => h('span', {title: v.url}, v.name || v.id)],
        ['Category', v => v.category || '—'],
        ['Pay to', v => h('span', {class: 'mono'}, v.pay_to)],
        ['x402', v => 'v' + v.x402_version],
        ['Price', v => v.price_cents === undefined ? 'quoted' : dollars(v.price_cents)],
        ['Agents', v => (v.default_whitelist ? 'any agent without its own list; ' : '') + (v.agents || []).join(', ')],
      ], catalogue.vendors));
  }

  await load();
  mount(main,
    h('h1', {}, 'Payments'),
    queue,
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
      listed),
    money,
    vendors);
  // live: a payment of the caller's tenant changed status (or a budget moved with it): read again, at most every 2 s
  const reload = live.throttled(2000, load);
  const off = live.onAll({payment: reload, resync: reload});
  return () => {
    off();
    reload.cancel();
  };
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

function approvalCard(payment, canDecide, reload) {
  const decision = payment.decision || (payment.decisions || [])[0] || {};
  const rationale = h('input', {type: 'text', name: 'rationale', 'aria-label': 'Rationale for ' + payment.payment_id});
  const decide = verdict => async () => {
    try {
      const decided = await post(`/api/payments/${encodeURIComponent(payment.payment_id)}/decision`,
        {decision: verdict, rationale: rationale.value || undefined});
      flash(`Payment ${payment.payment_id}: ${decided.status}.`);
      await reload();
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
