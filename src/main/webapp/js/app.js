// The dashboard's shell: sign-in, navigation and the hash router (#/page/id?filters), so every view has a URL
// that can be shared or bookmarked. Each page module exports render(main, route, session) and may return a
// function that stops what it started (polling, event streams) when the page is left.

import {h, mount, flash} from './dom.js';
import {whenUnauthorized} from './api.js';
import {route} from './router.js';
import * as session from './session.js';
import * as overview from './pages/overview.js';
import * as businesses from './pages/businesses.js';
import * as business from './pages/business.js';
import * as deadLetters from './pages/dead-letters.js';
import * as payments from './pages/payments.js';
import * as streams from './pages/streams.js';
import * as agents from './pages/agents.js';
import * as analytics from './pages/analytics.js';
import * as task from './pages/task.js';

const pages = {
  'overview': overview,
  'businesses': businesses,
  'business': business,
  'dead-letters': deadLetters,
  'payments': payments,
  'streams': streams,
  'agents': agents,
  'analytics': analytics,
  'tasks': task,
};

let leave = null;

function signInPage(main, reason) {
  document.getElementById('nav').hidden = true;
  document.getElementById('who').hidden = true;
  const token = h('textarea', {id: 'token', name: 'token', rows: 6, required: true, spellcheck: 'false',
    autocomplete: 'off', 'aria-describedby': 'token-help'});
  const error = h('p', {class: 'error', role: 'alert'});
  const form = h('form', {class: 'signin', onsubmit: event => {
    event.preventDefault();
    try {
      session.signIn(token.value);
      show();
    } catch (e) {
      error.textContent = 'Not signed in: ' + e.message;
    }
  }},
  h('h1', {}, 'Sign in'),
  h('p', {id: 'token-help'}, 'Paste a bearer token (a JWT) that the Genesis API accepts. It stays in this tab only ',
    '(session storage). In development: ', h('code', {}, 'java src/test/java/io/genesis/it/DevTokens.java --tenant acme --roles tenant,approver')),
  h('label', {for: 'token'}, 'Bearer token'), token,
  reason ? h('p', {class: 'error'}, reason) : null,
  error,
  h('button', {type: 'submit', id: 'sign-in'}, 'Sign in'));
  mount(main, form);
  token.focus();
}

function chrome(current) {
  const nav = document.getElementById('nav');
  nav.hidden = false;
  for (const link of nav.querySelectorAll('a')) {
    const needs = link.dataset.role;
    link.hidden = Boolean(needs) && !current.has(needs);
  }
  const who = document.getElementById('who');
  who.hidden = false;
  document.getElementById('who-name').textContent = current.subject + (current.tenant ? ' · tenant ' + current.tenant : '')
    + ' · ' + (current.roles.join(', ') || 'no roles');
}

let shown = 0;

async function show() {
  const generation = ++shown;
  if (leave) {
    leave();
    leave = null;
  }
  const main = document.getElementById('main');
  const current = session.current();
  if (!current) {
    signInPage(main);
    return;
  }
  chrome(current);
  const where = route();
  const page = pages[where.page];
  const nav = document.getElementById('nav');
  for (const link of nav.querySelectorAll('a')) {
    const target = link.getAttribute('href').slice(2);
    const active = where.page === target || (where.page === 'business' && target === 'businesses');
    if (active) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  // each visit renders into its own element: a page still loading when the user moves on fills a detached one
  const view = h('div', {class: 'view'}, h('p', {class: 'muted'}, 'Loading…'));
  mount(main, view);
  if (!page) {
    mount(view, h('h1', {}, 'Not found'), h('p', {}, 'No page ' + where.page + '. ', h('a', {href: '#/overview'}, 'Overview')));
    return;
  }
  let cleanup = null;
  try {
    cleanup = await page.render(view, where, current);
  } catch (e) {
    mount(view, h('h1', {}, 'Could not load this page'), h('p', {class: 'error load-error', role: 'alert'}, e.message));
  }
  const stop = typeof cleanup === 'function' ? cleanup : null;
  if (generation !== shown) {
    if (stop) stop();
    return;
  }
  leave = stop;
  document.body.dataset.page = where.page;
  document.body.dataset.ready = String(Date.now());
}

whenUnauthorized(() => {
  shown++;
  if (leave) {
    leave();
    leave = null;
  }
  session.signOut();
  flash('The API refused the token (expired or not valid): sign in again.', 'error');
  signInPage(document.getElementById('main'));
});

document.getElementById('sign-out').addEventListener('click', () => {
  session.signOut();
  location.hash = '#/overview';
  show();
});
window.addEventListener('hashchange', () => {
  document.getElementById('flash').replaceChildren();
  show();
});
show();
