// @ts-check
import { page, h, t, login, ApiError, problemView, user } from '/js/adal.js';

page({ anonymous: true, title: 'login.title', render(main) {
  const next = new URLSearchParams(location.search).get('next');
  if (user() && !next) { location.href = '/home.html'; return; }
  const err = h('div', { 'aria-live': 'assertive' });
  const form = h('form.card.login', { novalidate: true, onsubmit: async e => {
      e.preventDefault();
      err.replaceChildren();
      const btn = form.querySelector('button'); btn.disabled = true;
      try {
        await login(form.login.value, form.password.value);
        location.href = next && next.startsWith('/') ? next : '/home.html';
      } catch (x) {
        err.append(x instanceof ApiError ? problemView(x) : h('div.problem', t('core.error')));
      } finally { btn.disabled = false; }
    } },
    h('h1', t('login.title')),
    h('p.muted', t('login.hint')),
    h('label', { for: 'login' }, t('login.login')),
    h('input#login', { name: 'login', autocomplete: 'username', required: true, autofocus: true }),
    h('label', { for: 'password' }, t('login.password')),
    h('input#password', { name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    err,
    h('div.actions', h('button.primary', { type: 'submit' }, t('login.submit'))));
  main.append(form);
} });
