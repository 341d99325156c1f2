// @ts-check
import { page, h, t, api, ApiError, problemView, notify, fmtDate, hasRole } from '/js/adal.js';

page({ bundles: ['exam'], roles: ['PORTAL_ADMIN', 'TEACHER', 'HEAD_OF_DEPARTMENT', 'SYSTEM_ADMIN', 'DEAN', 'REGISTRAR'], title: 'lock.title', async render(main) {
  const body = h('tbody');
  const admin = hasRole('PORTAL_ADMIN');
  async function load() {
    const locks = await api('/api/portal-locks');
    body.replaceChildren(...locks.map(l => h('tr', h('td', l.academicPeriod), h('td', fmtDate(l.lockedAt)), h('td', l.note || ''),
      admin ? h('td', h('button', { onclick: async () => {
        const reason = prompt(t('lock.unlockReason')); if (!reason) return;
        try { await api(`/api/portal-locks?period=${encodeURIComponent(l.academicPeriod)}&reason=${encodeURIComponent(reason)}`, { method: 'DELETE' }); load(); }
        catch (x) { notify(x.message, 'error'); }
      } }, t('lock.unlock'))) : null)));
    if (!locks.length) body.append(h('tr', h('td', { colspan: 4 }, t('core.none'))));
  }
  const out = h('div', { 'aria-live': 'polite' });
  const f = h('form.card', { onsubmit: async e => {
      e.preventDefault(); out.replaceChildren();
      try { await api('/api/portal-locks', { method: 'POST', body: { academicPeriod: f.period.value, note: f.note.value } }); f.reset(); load(); }
      catch (x) { out.append(x instanceof ApiError ? problemView(x) : h('div.problem', String(x))); }
    } }, h('h2', t('lock.new')),
    h('label', { for: 'l-period' }, t('exam.period')), h('input#l-period', { name: 'period', placeholder: '2026-2027/1', required: true }),
    h('label', { for: 'l-note' }, t('lock.note')), h('input#l-note', { name: 'note' }), out,
    h('div.actions', h('button.primary', { type: 'submit' }, t('lock.lock'))));
  main.append(h('h1', t('lock.title')), h('p.muted', t('lock.intro')),
    h('div.card', h('table', h('thead', h('tr', ['exam.period', 'lock.lockedAt', 'lock.note', admin ? 'core.actions' : null].filter(Boolean).map(k => h('th', t(k))))), body)),
    admin ? f : null);
  await load();
} });
