// @ts-check
import { page, h, t, api, ApiError, problemView, fmtDate, hasRole } from '/js/adal.js';
import { ActState } from '/js/states.js';

const DRAFTERS = ['PROCTOR', 'TECHNICAL_SECRETARY', 'SYSTEM_ADMIN'];

page({ bundles: ['casework', 'review'], title: 'acts.title', async render(main) {
  main.append(h('h1', t('acts.title')), h('p.muted', t('acts.intro')));
  const rows = await api('/api/acts');
  main.append(h('h2', t('acts.list')), h('table#acts', h('thead', h('tr', ['acts.exam', 'acts.student', 'acts.state', 'acts.drafted', 'acts.myRole', 'core.actions']
      .map(k => h('th', t(k))))),
    h('tbody', rows.length ? rows.map(r => h('tr', { dataset: { act: r.id } },
      h('td', r.title, h('br'), h('span.muted', t('act.kind.' + r.kind))),
      h('td', r.student),
      h('td', h('span.badge' + (r.state === ActState.DECIDED ? '.ok' : r.state === ActState.SIGNED ? '.warn' : ''), t('act.state.' + r.state)),
        r.decision ? h('div.muted', t('act.choice.' + r.decision)) : null),
      h('td', fmtDate(r.draftedAt)),
      h('td', t('act.seat.' + r.myRole) === 'act.seat.' + r.myRole ? r.myRole : t('act.seat.' + r.myRole)),
      h('td', h('a.button', { href: `/casework/act.html?id=${r.id}` }, t('acts.open')))))
      : h('tr', h('td', { colspan: 6 }, t('acts.none'))))));
  const params = new URLSearchParams(location.search);
  const candidates = await api('/api/acts/candidates');
  if (hasRole(...DRAFTERS) || params.get('attempt') || candidates.length) {
    const out = h('div', { 'aria-live': 'polite' });
    const f = h('form.card#draft', { onsubmit: async e => {
        e.preventDefault(); out.replaceChildren();
        try {
          const act = await api(`/api/attempts/${encodeURIComponent(f.attempt.value.trim())}/acts`, { method: 'POST' });
          location.href = `/casework/act.html?id=${act.id}`;
        } catch (x) { out.append(x instanceof ApiError ? problemView(x) : h('div.problem', String(x))); }
      } },
      h('h2', t('acts.draftFor')),
      h('label', { for: 'd-attempt' }, t('acts.attemptId')),
      h('input#d-attempt', { name: 'attempt', required: true, value: params.get('attempt') || '' }),
      h('div.actions', h('button.primary', { type: 'submit' }, t('acts.draft'))), out);
    if (candidates.length) {
      main.append(h('h2', t('acts.candidates')), h('table#candidates', h('thead', h('tr', ['acts.exam', 'acts.student', 'acts.state', 'acts.started', 'core.actions']
        .map(k => h('th', t(k))))), h('tbody', candidates.map(c => h('tr', { dataset: { attempt: c.attemptId } },
          h('td', c.exam), h('td', c.student), h('td', t('review.state.' + c.state)), h('td', fmtDate(c.startedAt)),
          h('td', h('button.primary', { onclick: async () => {
            try {
              const act = await api(`/api/attempts/${c.attemptId}/acts`, { method: 'POST' });
              location.href = `/casework/act.html?id=${act.id}`;
            } catch (x) { out.append(x instanceof ApiError ? problemView(x) : h('div.problem', String(x))); }
          } }, t('acts.draft'))))))));
    }
    main.append(f);
  }
  if (hasRole('STUDENT')) {
    const inc = await api('/api/incompletes/mine');
    if (inc.length) {
      main.append(h('h2', t('acts.myIncompletes')), h('table#incompletes', h('thead', h('tr', ['inc.sitting', 'inc.grade', 'inc.due'].map(k => h('th', t(k))))),
        h('tbody', inc.map(i => h('tr', h('td', i.sitting || '—'), h('td', h('strong', i.grade)), h('td', i.dueOn))))));
    }
  }
} });
