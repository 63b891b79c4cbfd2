// The dashboard's shell: sign-in, navigation and the hash router (#/page/id?filters), so every view has a URL
// that can be shared or bookmarked. Each page module exports render(main, route, session) and may return a
// function that stops what it started (live subscriptions, event streams) when the page is left. The tab's one live
// connection (live.js) is opened at sign-in and kept across pages.

import {h, mount, flash} from './dom.js';
import {whenUnauthorized} from './api.js';
import {route} from './router.js';
import * as session from './session.js';
import * as live from './live.js';
import * as oidc from './oidc.js';
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
  // filled when the server names an OpenID Connect provider: the sign-in people use where one is configured
  const provider = h('section', {id: 'oidc', 'aria-label': 'Sign in with your identity provider'});
  const form = h('form', {class: 'signin', onsubmit: event => {
    event.preventDefault();
    try {
      session.signIn(token.value);
      show();
    } catch (e) {
      error.textContent = 'Not signed in: ' + e.message;
    }
  }},
  h('h2', {}, 'Paste a token'),
  h('p', {id: 'token-help'}, 'Paste a bearer token (a JWT) that the Genesis API accepts. It stays in this tab only ',
    '(session storage). In development: ', h('code', {}, 'java src/test/java/io/genesis/it/DevTokens.java --tenant acme --roles tenant,approver')),
  h('label', {for: 'token'}, 'Bearer token'), token,
  error,
  h('button', {type: 'submit', id: 'sign-in'}, 'Sign in'));
  mount(main, h('div', {class: 'signin-page'}, h('h1', {}, 'Sign in'),
    reason ? h('p', {class: 'error', id: 'sign-in-reason', role: 'alert'}, reason) : null, provider, form));
  token.focus();
  oidc.settings().then(settings => {
    if (!settings) return;
    const failed = h('p', {class: 'error', role: 'alert'});
    const button = h('button', {type: 'button', id: 'oidc-sign-in', onclick: () => {
      button.disabled = true;
      const returnTo = location.hash && location.hash !== '#' ? location.hash : '#/overview';
      oidc.begin(settings, returnTo).catch(e => {
        failed.textContent = 'Could not start the sign-in: ' + e.message;
        button.disabled = false;
      });
    }}, 'Sign in with ' + settings.provider_name);
    mount(provider, h('p', {}, button), failed);
  });
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
  live.start();
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
  live.stop();
  flash('The API refused the token (expired or not valid): sign in again.', 'error');
  signInPage(document.getElementById('main'));
});

document.getElementById('sign-out').addEventListener('click', () => {
  session.signOut();
  live.stop();
  location.hash = '#/overview';
  show();
});
window.addEventListener('hashchange', () => {
  document.getElementById('flash').replaceChildren();
  show();
});
// the provider sending the browser back from an OpenID Connect sign-in: finish it before showing anything
if (oidc.isCallback()) {
  oidc.complete().then(token => {
    session.signIn(token);
    show();
  }).catch(e => signInPage(document.getElementById('main'), 'Not signed in: ' + e.message));
} else {
  show();
}
