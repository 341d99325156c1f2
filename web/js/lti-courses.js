// @ts-check
// The LMS activities that open a teacher's exams: update the exam's admission from the course roster (NRPS).
import { page, h, t, api, ApiError, problemView, notify } from '/js/adal.js';

page({ bundles: ['lti'], roles: ['TEACHER', 'HEAD_OF_DEPARTMENT', 'SYSTEM_ADMIN'], title: 'lti.courses.title', async render(main) {
  const out = h('div', { 'aria-live': 'polite' });
  const links = await api('/api/lti/links');
  main.append(h('h1', t('lti.courses.title')), h('p.muted', t('lti.courses.hint')), out,
    links.length === 0 ? h('p.muted', t('lti.courses.none')) : h('table',
      h('thead', h('tr', ['lti.courses.course', 'lti.courses.exam', 'lti.courses.platform', 'core.actions'].map(k => h('th', t(k))))),
      h('tbody', links.map(l => h('tr',
        h('td', l.contextTitle || '—'), h('td', h('a', { href: `/exam/students.html?id=${l.examId}` }, l.examTitle)), h('td', l.platform),
        h('td', l.roster ? h('button', { type: 'button', onclick: async () => {
          out.replaceChildren();
          try {
            const r = await api(`/api/lti/links/${l.id}/roster`, { method: 'POST' });
            notify(t('lti.courses.synced', { admitted: r.admitted, notAdmitted: r.notAdmitted, otherGroup: r.otherGroup }), 'ok');
          } catch (x) { out.append(x instanceof ApiError ? problemView(x) : h('div.problem', t('core.error'))); }
        } }, t('lti.courses.sync')) : t('lti.courses.noRoster')))))));
} });
