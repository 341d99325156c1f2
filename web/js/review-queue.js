// @ts-check
// The review queue: attempts of the exams this person reviews, the most suspicious (lowest credibility) first,
// with filters by exam, flag type, verdict state and score. Per-exam summaries as CSV and PDF.
import { page, h, t, api, ApiError, problemView, hasRole } from '/js/adal.js';
import { FLAG_TYPES, flagName, verdictBadge, scoreBadge, download, openPdf, fmtDate } from '/js/review-common.js';
import { VerdictState } from '/js/states.js';

page({ bundles: ['review'], title: 'review.queue.title', async render(main) {
  const params = new URLSearchParams(location.search);
  main.append(h('h1', t('review.queue.title')));
  if (hasRole('REGISTRAR', 'SYSTEM_ADMIN')) main.append(h('p', h('a', { href: '/review/monitoring.html' }, t('review.monitoring.title'))));
  let exams;
  try {
    exams = await api('/api/review/exams');
  } catch (e) {
    main.append(e instanceof ApiError ? problemView(e) : h('div.problem', String(e)));
    return;
  }
  const exam = h('select#f-exam', h('option', { value: '' }, t('review.filter.allExams')),
    exams.map(x => h('option', { value: x.id, selected: x.id === params.get('exam') }, `${x.title} (${x.groupCode || '—'})`)));
  const flag = h('select#f-flag', h('option', { value: '' }, t('review.filter.anyFlag')),
    FLAG_TYPES.map(f => h('option', { value: f, selected: f === params.get('flag') }, flagName(f))));
  const verdict = h('select#f-verdict', h('option', { value: '' }, t('review.filter.anyVerdict')),
    ['UNREVIEWED', 'VALID', 'ANNULLED', 'RESIT'].map(v => h('option', { value: v, selected: v === params.get('verdict') }, t('review.verdict.' + v))));
  const below = h('input#f-below', { type: 'number', min: '0', max: '101', value: params.get('scoreBelow') || '', placeholder: '100' });
  const status = h('p.muted#q-status', { role: 'status', 'aria-live': 'polite' });
  const body = h('tbody#q-rows');
  const reports = h('div.actions#q-reports');

  async function load() {
    const q = new URLSearchParams();
    if (exam.value) q.set('exam', exam.value);
    if (flag.value) q.set('flag', flag.value);
    if (verdict.value) q.set('verdict', verdict.value);
    if (below.value) q.set('scoreBelow', below.value);
    history.replaceState(null, '', '?' + q);
    status.textContent = t('review.loading');
    body.replaceChildren();
    reports.replaceChildren();
    let rows;
    try {
      rows = await api('/api/review/queue?' + q);
    } catch (e) {
      status.replaceChildren(e instanceof ApiError ? problemView(e) : String(e));
      return;
    }
    status.textContent = t('review.queue.count', { n: rows.length });
    for (const r of rows) {
      body.append(h('tr', { dataset: { attempt: r.attemptId, score: String(r.score) } },
        h('td', scoreBadge(r.score)),
        h('td', h('strong', r.studentName || '—'), h('div.muted', r.studentLogin || '')),
        h('td', r.examTitle || '—'),
        h('td', t('review.state.' + r.state), h('div.muted', fmtDate(r.finishedAt))),
        h('td', h('div.rv-flags', Object.entries(r.flagCounts).map(([k, n]) => h('span.badge.warn', `${flagName(k)} × ${n}`)))),
        h('td', String(r.decided)),
        h('td', verdictBadge(r.verdict === VerdictState.UNREVIEWED ? null : r.verdict)),
        h('td', h('a.button', { href: `/review/attempt.html?id=${r.attemptId}` }, t('review.open')))));
    }
    if (exam.value) {
      reports.append(
        h('button#q-csv', { onclick: () => download(`/api/review/exams/${exam.value}/summary.csv`, 'review-summary.csv') }, t('review.summary.csv')),
        h('button#q-pdf', { onclick: () => openPdf(`/api/review/exams/${exam.value}/summary.pdf`) }, t('review.summary.pdf')));
    }
  }

  main.append(
    h('section.card', { 'aria-label': t('review.filter.title') },
      h('div.rv-filters',
        h('div', h('label', { for: 'f-exam' }, t('review.filter.exam')), exam),
        h('div', h('label', { for: 'f-flag' }, t('review.filter.flag')), flag),
        h('div', h('label', { for: 'f-verdict' }, t('review.filter.verdict')), verdict),
        h('div', h('label', { for: 'f-below' }, t('review.filter.scoreBelow')), below),
        h('div', h('button.primary#q-apply', { onclick: load }, t('review.filter.apply')))),
      reports),
    status,
    h('table#q-table', h('thead', h('tr', ['score', 'student', 'exam', 'state', 'flags', 'decided', 'verdict', ''].map(c =>
      h('th', { scope: 'col' }, c ? t('review.col.' + c) : h('span.sr-only', t('review.open')))))), body));
  await load();
} });
