// @ts-check
import { page, h, t, api, fmtDate } from '/js/adal.js';
import { ServerClock, spanText, canShareScreen } from '/js/student-common.js';
import { AttemptState, ExamWindow } from '/js/states.js';

const clock = new ServerClock();

/** The state a student reads on a card: from the attempt if there is one, else from the window. */
function stateOf(x) {
  if (x.attemptState === AttemptState.IN_PROGRESS || x.attemptState === AttemptState.SUSPENDED) return ['inProgress', 'warn', '▶'];
  if (x.attemptState === AttemptState.SUBMITTED) return ['submitted', 'ok', '✓'];
  if (x.attemptState === AttemptState.EXPIRED) return ['expired', 'ok', '✓'];
  if (x.attemptState === AttemptState.TERMINATED || x.attemptState === AttemptState.VOIDED) return [x.attemptState.toLowerCase(), 'bad', '✕'];
  if (!x.admitted) return ['notAdmitted', 'bad', '✕'];
  if (x.window === ExamWindow.UPCOMING) return ['upcoming', '', '○'];
  if (x.window === ExamWindow.OPEN) return [x.canStart ? 'open' : 'cannotStart', x.canStart ? 'ok' : 'bad', x.canStart ? '●' : '✕'];
  return ['closed', 'bad', '■'];
}

function card(x) {
  const [state, kind, icon] = stateOf(x);
  const countdown = h('span.countdown', { dataset: { opens: x.opensAt } });
  const actions = [];
  if (x.attemptState === AttemptState.IN_PROGRESS || x.attemptState === AttemptState.SUSPENDED) {
    actions.push(h('a.button.primary', { href: `/student/exam.html?attempt=${x.attemptId}` }, t('student.continue')));
  } else if (x.resultsVisible) {
    actions.push(h('a.button.primary', { href: `/student/result.html?attempt=${x.attemptId}` }, t('student.seeResult')));
  } else if (!x.attemptState || x.attemptState === AttemptState.CHECKS || x.attemptState === AttemptState.NOT_STARTED) {
    if (x.window !== ExamWindow.CLOSED && x.admitted) {
      actions.push(h('a.button' + (x.canStart ? '.primary' : ''), { href: `/student/check.html?exam=${x.examId}` },
        t(x.canStart ? 'student.checkAndStart' : 'student.checkEquipment')));
    }
  }
  return h('article.card.exam-card', { dataset: { exam: x.examId }, 'aria-labelledby': `ex-${x.examId}` },
    h('div.row', { style: 'align-items:center' },
      h('h2', { id: `ex-${x.examId}` }, x.title),
      h('span', { style: 'flex:0' }, h('span.badge' + (kind ? '.' + kind : ''), { dataset: { state } }, `${icon} ${t('student.state.' + state)}`))),
    h('div.muted', `${x.discipline} · ${t('student.kind.' + x.kind)}`),
    h('dl',
      h('dt', t('student.window')), h('dd', `${fmtDate(x.opensAt)} — ${fmtDate(x.closesAt)}`),
      h('dt', t('student.duration')), h('dd', x.extraMinutes > 0
        ? t('student.minutesWithExtra', { n: x.durationMinutes, extra: x.extraMinutes }) : t('student.minutes', { n: x.durationMinutes })),
      h('dt', t('student.questions')), h('dd', String(x.questionCount)),
      x.window === ExamWindow.UPCOMING ? [h('dt', t('student.opensIn')), h('dd', countdown)] : null),
    x.mustWarnCut ? h('p.policy', { role: 'note' }, h('strong', t('student.cutTitle')), t('student.cutText', { at: fmtDate(x.cutAt) })) : null,
    x.lateStartPolicy === 'REFUSE_AFTER_CLOSE_MINUS_DURATION' && x.window !== ExamWindow.CLOSED && !x.attemptState
      ? h('p.muted', t('student.lateRefused', { at: fmtDate(new Date(Date.parse(x.closesAt) - (x.durationMinutes + x.extraMinutes) * 60000).toISOString()) })) : null,
    x.proctored && !canShareScreen() && !x.attemptState ? h('div.policy.mobile-policy', { role: 'note' },
      h('strong', t('student.mobileTitle')), t('student.mobileText')) : null,
    !x.admitted ? h('p', t('student.notAdmittedText')) : null,
    !x.canStart && x.admitted && x.window === ExamWindow.OPEN && !x.attemptState && x.refusalMessage ? h('p', x.refusalMessage) : null,
    actions.length ? h('div.actions', actions) : null);
}

page({ bundles: ['student'], roles: ['STUDENT'], title: 'student.exams', async render(main) {
  const list = h('div#exams');
  main.append(h('h1', t('student.exams')), list);
  async function load() {
    const before = Date.now();
    const exams = await api('/api/student/exams');
    if (exams.length) clock.sync(before, exams[0].serverNow);
    list.replaceChildren(...(exams.length ? exams.map(card) : [h('p.card', t('student.noExams'))]));
    tick();
  }
  function tick() {
    let reload = false;
    list.querySelectorAll('[data-opens]').forEach(e => {
      const ms = clock.until(e.dataset.opens);
      e.textContent = spanText(ms);
      if (ms <= 0) reload = true;
    });
    if (reload) load();
  }
  setInterval(tick, 1000);
  await load();
} });
