// @ts-check
import { page, h, t, api, ApiError, fmtDate } from '/js/adal.js';
import { LETTERS, receiptButton } from '/js/student-common.js';

/** When the result will be shown, in the student's language (never the server's raw timestamp). */
function resultLater(e) {
  if (e.code !== 'RESULT_NOT_VISIBLE') return t('student.resultGrading');
  const at = e.body?.until || (e.errors || []).find(x => x.resultsVisibleAt)?.resultsVisibleAt;
  return at ? t('student.resultFrom', { at: fmtDate(at) }) : t('student.resultLater');
}

page({ bundles: ['student', 'review'], roles: ['STUDENT'], title: 'student.resultTitle', async render(main) {
  const attemptId = new URLSearchParams(location.search).get('attempt');
  main.append(h('p', h('a', { href: '/student/index.html' }, '← ', t('student.exams'))), h('h1', t('student.resultTitle')),
    h('section.card#receipt-card', h('p', t('student.receipt.note')), receiptButton(attemptId)));
  let r;
  try {
    r = await api(`/api/attempts/${attemptId}/result`);
  } catch (e) {
    if (e instanceof ApiError && (e.code === 'RESULT_NOT_VISIBLE' || e.code === 'RESULT_NOT_GRADED')) {
      const a = await api(`/api/attempts/${attemptId}`).catch(() => null);
      main.append(h('div.okbox#result-pending', { role: 'status' },
        a ? h('p', { style: 'margin-top:0' }, t('student.finished.' + a.state)) : null,
        h('p', { style: 'margin-bottom:0' }, resultLater(e))));
      return;
    }
    throw e;
  }
  if (r.annulledReason) {
    // a reviewer's verdict annulled this result (kz.adal.review); the answers below stay as they were
    main.append(h('div.problem#annulled', { role: 'alert' }, h('strong', t('review.result.annulled')), ' ', r.annulledReason, ' ',
      h('a', { href: `/student/evidence.html?attempt=${attemptId}` }, t('review.result.evidence'))));
  }
  main.append(
    h('section.card#score', { 'aria-labelledby': 'score-h', style: r.annulledReason ? 'opacity:.6' : null },
      h('h2#score-h', { style: 'margin-top:0' }, r.examTitle),
      h('p.muted', t('student.finished.' + r.state), ' ', fmtDate(r.finishedAt)),
      h('div.result-score',
        h('div', h('div.muted', t('student.percent')), h('div.stat#percent', `${Number(r.percent).toFixed(2)} %`)),
        h('div', h('div.muted', t('student.letter')), h('div.stat#letter', r.letter)),
        h('div', h('div.muted', t('student.gpa')), h('div.stat', String(r.gpa))),
        h('div', h('div.muted', t('student.mark')), h('div.stat', t('student.markName.' + r.traditionalMark))),
        h('div', h('div.muted', t('student.points')), h('div.stat', `${Number(r.points)} / ${r.questionCount}`))),
      h('p.muted', t('student.notFinalGrade'))),
    h('section.card', { 'aria-labelledby': 'answers-h' },
      h('h2#answers-h', { style: 'margin-top:0' }, t('student.answers')),
      h('ol', { style: 'padding-left:1.2rem' }, r.questions.map(q => {
        const ok = Number(q.score) >= 1, part = !ok && Number(q.score) > 0;
        return h('li', { style: 'margin-bottom:1rem' },
          h('p', h('strong', q.stem), ' ', h('span.badge.' + (ok ? 'ok' : part ? 'warn' : 'bad'),
            ok ? `✓ ${t('student.right')}` : part ? `◐ ${t('student.partly')}` : `✕ ${q.selected.length ? t('student.wrong') : t('student.unanswered')}`)),
          h('ul.answer-list', { style: 'list-style:none;padding-left:0' }, q.options.map((o, i) => {
            const mine = q.selected.includes(i), right = q.correct.includes(i);
            return h('li' + (right ? '.right' : ''), `${LETTERS[i]}. ${o}`,
              right ? h('span', ` ✓ ${t('student.correctAnswer')}`) : null,
              mine ? h('strong', ` ← ${t('student.yourAnswer')}`) : null);
          })));
      }))));
} });
