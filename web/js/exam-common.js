// Shared bits of the exam-administration pages.
import { h, t, api, fmtDate } from '/js/adal.js';

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
      exam.state === 'DRAFT' ? h('a.button', { href: `/exam/edit.html?id=${exam.id}` }, t('exam.edit')) : null,
      h('a.button', { href: '/exam/index.html' }, t('core.back'))));
}
