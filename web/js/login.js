// @ts-check
import { page, h, t, login, resumeSession, api, ApiError, problemView, user } from '/js/adal.js';

page({ anonymous: true, title: 'login.title', async render(main) {
  const params = new URLSearchParams(location.search);
  const next = params.get('next');
  const onward = () => { location.href = next && next.startsWith('/') && !next.startsWith('//') ? next : '/home.html'; };
  const err = h('div', { 'aria-live': 'assertive' });
  if (params.get('signed-in') === 'sso') {
    // back from the university's sign-in: the session is in the refresh cookie
    if (await resumeSession()) { onward(); return; }
    err.append(h('div.problem', t('login.sso.lost')));
  } else if (user() && !next) { location.href = '/home.html'; return; }
  const form = h('form.card.login', { novalidate: true, onsubmit: async e => {
      e.preventDefault();
      err.replaceChildren();
      const btn = form.querySelector('button'); btn.disabled = true;
      try {
        await login(form.login.value, form.password.value);
        onward();
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
  // the university's sign-in, when this server has one: a plain link, the whole sign-in is navigation
  try {
    const refusal = params.get('sso-error');
    const offer = await api('/api/sso/offer' + (refusal ? '?refusal=' + encodeURIComponent(refusal) : ''));
    if (offer.refusal) err.append(h('div.problem', { role: 'alert' }, offer.refusal));
    if (offer.enabled) {
      const href = '/api/sso/login' + (next && next.startsWith('/') ? '?next=' + encodeURIComponent(next) : '');
      form.append(h('p.muted.sso-or', t('login.sso.or')),
        h('div.actions', h('a.button#sso', { href }, t('login.sso.button'))));
    }
  } catch { /* without the offer the password form is all there is */ }
} });
