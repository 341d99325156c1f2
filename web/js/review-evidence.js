// @ts-check
// The student's own evidence (for an appeal): their attempt's flags with the evidence frames, the reviewer's
// decisions and the verdict. Only their own attempt (the server answers 404 otherwise). ?attempt=<id>
import { page, h, t, api } from '/js/adal.js';
import { flagName, clock, verdictBadge, evidenceFigure, fmtDate } from '/js/review-common.js';
import { VerdictState } from '/js/states.js';

page({ bundles: ['review'], roles: ['STUDENT'], title: 'review.evidence.title', async render(main) {
  const id = new URLSearchParams(location.search).get('attempt');
  main.append(h('p', h('a', { href: '/student/index.html' }, '← ', t('review.evidence.back'))), h('h1', t('review.evidence.title')));
  const r = await api(`/api/review/attempts/${id}/mine`);
  main.append(
    h('section.card',
      h('h2', { style: 'margin-top:0' }, r.examTitle),
      r.annulledReason ? h('p.rv-annulled#ev-annulled', t(r.verdict?.verdict === VerdictState.RESIT ? 'review.result.resit' : 'review.result.annulled'), ' ', r.annulledReason) : null,
      h('p', t('review.col.verdict'), ': ', h('span#ev-verdict', verdictBadge(r.verdict?.verdict)),
        r.verdict ? ` — ${r.verdict.reason} (${fmtDate(r.verdict.decidedAt)})` : ''),
      r.verdict?.verdict === VerdictState.RESIT ? h('p#ev-resit', t('review.resit.apply'), ' ', h('a', { href: '/exam/sheets.html' }, t('review.resit.sheets'))) : null,
      h('p.muted', t('review.evidence.note'))),
    h('section.card#ev-flags',
      h('h2', { style: 'margin-top:0' }, t('review.flags'), ' ', h('span.muted', `(${r.flags.length})`)),
      r.flags.length ? null : h('p.muted', t('review.flags.none')),
      r.flags.map((f, i) => h('article.rv-flag', { id: `ev-flag-${i}`, dataset: { type: f.type, severity: f.severity, decision: f.decision?.decision || 'NONE' } },
        h('h3', flagName(f.type), h('span.muted', `${clock(f.startAt)} – ${f.endAt ? clock(f.endAt) : '…'}`)),
        h('p.muted', { style: 'margin:.2rem 0' }, t('review.flag.explain.' + f.type)),
        f.evidence.length ? h('div.rv-evidence', f.evidence.map(e => evidenceFigure(id, e, t('review.evidence.alt', { flag: flagName(f.type), at: clock(e.at) }))))
          : h('p.muted', t('review.evidence.none')),
        f.decision ? h('p', h('strong', t('review.decision.' + f.decision.decision)), ` — ${f.decision.comment}`)
          : h('p.muted', t('review.decision.none'))))));
} });
