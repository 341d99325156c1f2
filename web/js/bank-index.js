// @ts-check
import { page, h, t, api, hasRole, ApiError, problemView, fmtDate } from '/js/adal.js';
import { BankVersionState, ExpertReviewState } from '/js/states.js';

page({ bundles: ['bank'], roles: ['BANK_AUTHOR', 'HEAD_OF_DEPARTMENT', 'BANK_EXPERT', 'TEACHER', 'SYSTEM_ADMIN'], title: 'bank.banks', async render(main) {
  main.append(h('h1', t('bank.banks')));

  if (hasRole('BANK_EXPERT')) {
    const mine = await api('/api/reviews/mine');
    main.append(h('section.card', { 'aria-labelledby': 'my-reviews' }, h('h2#my-reviews', t('bank.myReviews')),
      mine.length ? h('table', h('thead', h('tr', ['bank.title', 'bank.version', 'bank.state', 'bank.conclusion'].map(k => h('th', t(k))))),
        h('tbody', mine.map(r => h('tr', h('td', h('a', { href: `/bank/review.html?id=${r.id}` }, r.bankTitle)), h('td', r.versionNumber),
          h('td', h('span.badge' + (r.state === ExpertReviewState.CONCLUDED ? '.ok' : '.warn'), t('bank.review.' + r.state))),
          h('td', r.conclusion ? t('bank.conclusion.' + r.conclusion) : '—')))))
        : h('p.muted', t('bank.noReviews'))));
  }

  if (!hasRole('BANK_AUTHOR', 'HEAD_OF_DEPARTMENT', 'TEACHER', 'SYSTEM_ADMIN') && !hasRole('BANK_EXPERT')) return;
  const banks = await api('/api/banks');
  main.append(h('section.card', h('h2', t('bank.list')),
    banks.length ? h('table#banks', h('thead', h('tr', ['bank.title', 'bank.discipline', 'bank.language', 'bank.compilers', 'bank.version', 'bank.state', 'bank.usable'].map(k => h('th', t(k))))),
      h('tbody', banks.map(b => h('tr', { dataset: { title: b.title } },
        h('td', h('a', { href: `/bank/version.html?bank=${b.id}` }, b.title)), h('td', b.discipline), h('td', b.language.toUpperCase()),
        h('td', b.compilers.map(c => c.fullName).join(', ')), h('td', b.latestVersion),
        h('td', h('span.badge' + (b.latestState === BankVersionState.DRAFT ? '.warn' : '.ok'), t('bank.vstate.' + b.latestState)),
          b.sentToDepartmentAt ? h('div.muted.sent', t('bank.sentOn', { at: fmtDate(b.sentToDepartmentAt) })) : null),
        h('td', b.usable ? h('span.badge.ok', '✓ ' + t('core.yes')) : h('span.badge', t('core.no')))))))
      : h('p.muted', t('bank.none'))));

  if (hasRole('BANK_AUTHOR')) {
    const out = h('div', { 'aria-live': 'polite' });
    const f = h('form.card#new-bank', { onsubmit: async e => {
        e.preventDefault(); out.replaceChildren();
        try {
          const b = await api('/api/banks', { method: 'POST', body: { title: f.title.value, discipline: f.discipline.value,
            programme: f.programme.value, language: f.language.value, referenceMaterials: f.materials.value } });
          location.href = `/bank/version.html?bank=${b.id}`;
        } catch (x) { out.append(x instanceof ApiError ? problemView(x) : h('div.problem', String(x))); }
      } },
      h('h2', t('bank.new')), h('p.muted', t('bank.passportHint')),
      h('div.row', h('div', h('label', { for: 'nb-title' }, t('bank.title')), h('input#nb-title', { name: 'title', required: true })),
        h('div', h('label', { for: 'nb-disc' }, t('bank.discipline')), h('input#nb-disc', { name: 'discipline', required: true }))),
      h('div.row', h('div', h('label', { for: 'nb-prog' }, t('bank.programme')), h('input#nb-prog', { name: 'programme', required: true })),
        h('div', h('label', { for: 'nb-lang' }, t('bank.language')), h('select#nb-lang', { name: 'language' }, ['kk', 'ru', 'en'].map(l => h('option', { value: l }, t('lang.' + l)))))),
      h('label', { for: 'nb-mat' }, t('bank.materials')), h('textarea#nb-mat', { name: 'materials' }),
      out, h('div.actions', h('button.primary', { type: 'submit' }, t('bank.create'))));
    main.append(f);
  }

  if (hasRole('HEAD_OF_DEPARTMENT')) {
    const list = await api('/api/experts');
    const experts = await api('/api/users?role=BANK_EXPERT');
    const out = h('div', { 'aria-live': 'polite' });
    const now = new Date(); const y = now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
    const f = h('form', { onsubmit: async e => {
        e.preventDefault(); out.replaceChildren();
        try { await api('/api/experts', { method: 'POST', body: { userId: f.user.value, academicYear: f.year.value, approvedOn: f.on.value } }); location.reload(); }
        catch (x) { out.append(problemView(x)); }
      } },
      h('div.row', h('div', h('label', { for: 'ex-user' }, t('bank.expert')), h('select#ex-user', { name: 'user' }, experts.map(u => h('option', { value: u.id }, u.fullName)))),
        h('div', h('label', { for: 'ex-year' }, t('bank.academicYear')), h('input#ex-year', { name: 'year', value: `${y}-${y + 1}`, pattern: '\\d{4}-\\d{4}' })),
        h('div', h('label', { for: 'ex-on' }, t('bank.approvedOn')), h('input#ex-on', { name: 'on', type: 'date', required: true }))),
      out, h('div.actions', h('button', { type: 'submit' }, t('bank.addExpert'))));
    main.append(h('section.card', h('h2', t('bank.expertList')), h('p.muted', t('bank.expertListHint')),
      list.length ? h('ul', list.map(e => h('li', `${e.fullName} — ${e.academicYear} (${e.approvedOn})`))) : h('p.muted', t('core.none')), f));
  }
} });
