// @ts-check
import { page, h, t, api, problemView, notify, fmtDay } from '/js/adal.js';
import { ExpertReviewState } from '/js/states.js';

const id = new URLSearchParams(location.search).get('id');

page({ bundles: ['bank'], roles: ['BANK_EXPERT', 'HEAD_OF_DEPARTMENT', 'BANK_AUTHOR', 'SYSTEM_ADMIN'], title: 'bank.reviewTitle', async render(main) {
  const r = await api(`/api/reviews/${id}`);
  const open = r.mine && r.state === ExpertReviewState.ASSIGNED;
  const p = r.passport;
  main.append(h('h1', `${t('bank.reviewTitle')}: ${r.bankTitle} — ${t('bank.version')} ${r.versionNumber}`),
    h('div.card', h('p', h('strong', t('bank.discipline') + ': '), p.discipline, ' · ', h('strong', t('bank.programme') + ': '), p.programme, ' · ',
      h('strong', t('bank.language') + ': '), t('lang.' + p.language)),
      h('p.muted', t('bank.reviewHint'))));

  const list = h('ol.qlist', r.questions.map(q => {
    const box = h('textarea', { id: 'c-' + q.id, disabled: !open, 'aria-label': `${t('bank.comment')} #${q.position}` }, r.comments[q.id] || '');
    box.addEventListener('change', async () => {
      try { await api(`/api/reviews/${id}/comments/${q.id}`, { method: 'PUT', body: { comment: box.value } }); notify(t('core.saved'), 'ok'); }
      catch (x) { notify(x.message, 'error'); }
    });
    return h('li.card', h('div', h('span.badge', t('bank.' + q.difficulty.toLowerCase())), ' ', q.topic ? h('span.badge', q.topic) : null),
      h('p', h('strong', q.stem)),
      h('ol.options', { type: 'A' }, q.options.map(o => h('li' + (o.correct ? '.correct' : ''), o.text, o.correct ? ` ✓ (${t('bank.correct')})` : ''))),
      h('label', { for: 'c-' + q.id }, t('bank.comment')), box);
  }));

  const yesNo = (name, value) => h('fieldset', h('legend', t('bank.criterion.' + name)),
    ['true', 'false'].map(v => h('label', { style: 'display:inline-flex;gap:.3rem;margin-right:1rem;font-weight:400' },
      h('input', { type: 'radio', name, value: v, checked: value === (v === 'true'), disabled: !open }), t(v === 'true' ? 'core.yes' : 'core.no'))));
  const out = h('div', { 'aria-live': 'polite' });
  const f = h('form.card#conclusion', { onsubmit: async e => {
      e.preventDefault(); out.replaceChildren();
      const val = n => { const x = f.querySelector(`input[name=${n}]:checked`); return x ? x.value === 'true' : null; };
      const c = f.querySelector('input[name=conclusion]:checked');
      try {
        await api(`/api/reviews/${id}/conclusion`, { method: 'POST', body: { conformityOk: val('conformity'), difficultyOk: val('difficulty'),
          wordingOk: val('wording'), conclusion: c ? c.value : null, forComputer: f.computer.checked, forWritten: f.written.checked, overallComment: f.overall.value } });
        location.reload();
      } catch (x) { out.append(problemView(x)); }
    } },
    h('h2', t('bank.conclusion')),
    yesNo('conformity', r.conformityOk), yesNo('difficulty', r.difficultyOk), yesNo('wording', r.wordingOk),
    h('fieldset', h('legend', t('bank.conclusion')), ['FIT', 'NOT_FIT'].map(v => h('label', { style: 'display:inline-flex;gap:.3rem;margin-right:1rem;font-weight:400' },
      h('input', { type: 'radio', name: 'conclusion', value: v, checked: r.conclusion === v, disabled: !open }), t('bank.conclusion.' + v)))),
    h('fieldset', h('legend', t('bank.use')),
      h('label', { style: 'display:inline-flex;gap:.3rem;margin-right:1rem;font-weight:400' }, h('input', { type: 'checkbox', name: 'computer', checked: !!r.forComputer, disabled: !open }), t('bank.computer')),
      h('label', { style: 'display:inline-flex;gap:.3rem;font-weight:400' }, h('input', { type: 'checkbox', name: 'written', checked: !!r.forWritten, disabled: !open }), t('bank.written'))),
    h('label', { for: 'overall' }, t('bank.overall')), h('textarea#overall', { name: 'overall', disabled: !open }, r.overallComment || ''),
    out,
    open ? h('div.actions', h('button.primary', { type: 'submit' }, t('bank.sign'))) : null,
    r.state === ExpertReviewState.CONCLUDED ? h('div.okbox', t('bank.concludedValid', { from: fmtDay(r.validFrom), until: fmtDay(r.validUntil) }), ' ',
      h('button.link', { type: 'button', onclick: async () => {
        const res = await api(`/api/reviews/${id}/conclusion.pdf`, { raw: true });
        window.open(URL.createObjectURL(await res.blob()));
      } }, t('core.print'))) : null);
  main.append(f, h('h2', t('bank.tab.questions')), list);
} });
