// @ts-check
import { page, h, t, api, fmtDate, notify, hasRole } from '/js/adal.js';
import { STAFF, stateBadge } from '/js/exam-common.js';
import { ExamState } from '/js/states.js';

page({ bundles: ['exam'], roles: [...STAFF, 'DEAN', 'REGISTRAR'], title: 'exam.list', async render(main) {
  const body = h('tbody');
  async function load() {
    const exams = await api('/api/exams');
    body.replaceChildren(...exams.map(e => h('tr', { dataset: { exam: e.id } },
      h('td', h('a', { href: `/exam/students.html?id=${e.id}` }, e.title)),
      h('td', t('exam.kind.' + e.kind)), h('td', e.groupCode), h('td', e.academicPeriod),
      h('td', fmtDate(e.opensAt), ' – ', fmtDate(e.closesAt)),
      h('td', stateBadge(e.state)),
      h('td.actions',
        e.state === ExamState.DRAFT && hasRole(...STAFF) ? h('a.button', { href: `/exam/edit.html?id=${e.id}` }, t('exam.edit')) : null,
        e.state === ExamState.DRAFT && hasRole(...STAFF) ? h('button.primary', { onclick: () => publish(e) }, t('exam.publish')) : null,
        h('a.button', { href: `/exam/grades.html?id=${e.id}` }, t('exam.grades'))))));
    if (!exams.length) body.append(h('tr', h('td', { colspan: 7 }, t('exam.none'))));
  }
  async function publish(e) {
    try { await api(`/api/exams/${e.id}/publish`, { method: 'POST' }); notify(t('exam.published'), 'ok'); load(); }
    catch (x) { notify(x.message, 'error'); }
  }
  main.append(h('h1', t('exam.list')),
    hasRole(...STAFF) ? h('div.actions', h('a.button.primary#new-exam', { href: '/exam/edit.html' }, t('exam.new'))) : null,
    h('div.card', h('table', h('thead', h('tr', ['exam.title', 'exam.kind', 'exam.group', 'exam.period', 'exam.window', 'exam.stateLabel', 'core.actions']
      .map(k => h('th', t(k))))), body)));
  await load();
} });
