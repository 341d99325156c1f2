// @ts-check
// Shared bits of the exam-administration pages.
import { h, t, api, fmtDate, hasRole, confirmDialog, ApiError, notify } from '/js/adal.js';
import { ExamState } from '/js/states.js';

export const STAFF = ['TEACHER', 'HEAD_OF_DEPARTMENT', 'SYSTEM_ADMIN'];

export function stateBadge(state) {
  const cls = { PUBLISHED: '.ok', DRAFT: '.warn', CANCELLED: '.bad' }[state] || '';
  return h('span.badge' + cls, t('exam.state.' + state));
}

export function param(name) { return new URLSearchParams(location.search).get(name); }

/** Downloads a file from the API with the session's token. */
export async function download(path, name) {
  const r = await api(path, { raw: true });
  const url = URL.createObjectURL(await r.blob());
  const a = h('a', { href: url, download: name });
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

export function examHeader(exam) {
  return h('div.card',
    h('h1', exam.title, ' ', stateBadge(exam.state)),
    h('p.muted', [t('exam.kind.' + exam.kind), exam.discipline, exam.groupCode, exam.academicPeriod].join(' · ')),
    h('p', t('exam.window'), ': ', fmtDate(exam.opensAt), ' – ', fmtDate(exam.closesAt)),
    h('nav.actions', { 'aria-label': t('exam.sections') },
      h('a.button', { href: `/exam/students.html?id=${exam.id}` }, t('exam.students')),
      h('a.button', { href: `/exam/grades.html?id=${exam.id}` }, t('exam.grades')),
      exam.state === ExamState.DRAFT ? h('a.button', { href: `/exam/edit.html?id=${exam.id}` }, t('exam.edit')) : null,
      h('a.button', { href: '/exam/index.html' }, t('core.back'))),
    exam.state === ExamState.PUBLISHED && hasRole(...STAFF) ? resultsRelease(exam) : null);
}

/**
 * When students see their results. An exam defined with no moment waits for the teacher to release them;
 * the server refuses while an admitted student can still sit, and says until when.
 */
function resultsRelease(exam) {
  const box = h('div#results-release', { 'aria-live': 'polite' });
  const show = e => {
    const visible = e.resultsVisibleAt && new Date(e.resultsVisibleAt) <= new Date();
    // the DOM prints a bare null as "null": only what is there
    box.replaceChildren(...[
      h('p#results-state', visible ? t('exam.results.visible', { time: fmtDate(e.resultsVisibleAt) })
        : e.resultsVisibleAt ? t('exam.results.from', { time: fmtDate(e.resultsVisibleAt) }) : t('exam.results.notYet')),
      visible ? null : h('button#release-results.primary', { type: 'button', onclick: release }, t('exam.results.release'))].filter(Boolean));
  };
  async function release() {
    const yes = await confirmDialog({ title: t('exam.results.confirmTitle'), text: t('exam.results.confirmText', { title: exam.title }),
      ok: t('exam.results.release') });
    if (!yes) return;
    try {
      show(await api(`/api/exams/${exam.id}/release-results`, { method: 'POST' }));
      notify(t('exam.results.released'), 'ok');
    } catch (x) {
      if (!(x instanceof ApiError)) throw x;
      const until = x.body?.until;
      box.querySelector('#release-problem')?.remove();
      box.append(h('div.problem#release-problem', { role: 'alert' }, h('strong', x.message || t('core.error')),
        until ? h('p', t('exam.results.until', { time: fmtDate(until) })) : null));
    }
  }
  show(exam);
  return box;
}
