// @ts-check
import { page, h, t, api, ApiError, problemView, notify, fmtDate, fmtDay, hasRole } from '/js/adal.js';
import { STAFF, param, examHeader, download } from '/js/exam-common.js';
import { IndividualSheetState } from '/js/states.js';

page({ bundles: ['exam'], roles: [...STAFF, 'DEAN', 'REGISTRAR'], title: 'exam.grades', async render(main) {
  const id = param('id');
  const sheet = await api(`/api/exams/${id}/grades`);
  const exam = sheet.exam;
  const out = h('div', { 'aria-live': 'polite' });
  const get = async (path, name) => { out.replaceChildren(); try { await download(path, name); } catch (x) { out.append(x instanceof ApiError ? problemView(x) : h('div.problem', String(x))); } };
  const teacher = hasRole(...STAFF);
  main.append(examHeader(exam),
    h('div.card', h('h2', t('exam.gradeSheet')), h('p.muted', t('exam.gradeSheetNote')),
      h('table', h('thead', h('tr', ['exam.student', 'exam.stateLabel', 'exam.submitted', '%', 'exam.letter', 'GPA', 'exam.mark'].map(k => h('th', t(k))))),
        h('tbody', sheet.rows.map(r => h('tr', { dataset: { login: r.login } }, h('td', r.fullName, h('br'), h('span.muted', r.login)),
          h('td', t('exam.result.' + r.state)), h('td', fmtDate(r.submittedAt)), h('td', r.percent ?? '—'),
          h('td', h('strong', r.letter ?? '—')), h('td', r.gpa ?? '—'), h('td', r.traditionalMark ?? '—'))))),
      h('div.actions',
        h('button#dl-csv', { onclick: () => get(`/api/exams/${id}/grades.csv`, `grades-${exam.groupCode}.csv`) }, t('exam.downloadCsv')),
        h('button#dl-pdf', { onclick: () => get(`/api/exams/${id}/grades.pdf`, `grades-${exam.groupCode}.pdf`) }, t('exam.downloadPdf'))),
      teacher ? h('div', h('h2', t('exam.ais')),
        h('p', sheet.aisExportAllowed ? t('exam.aisReady') : t('exam.aisWait', { last: fmtDay(exam.lastAttestationDay), from: fmtDay(exam.aisExportFrom) })),
        h('div.actions',
          h('button#ais-csv', { disabled: !sheet.aisExportAllowed, onclick: () => get(`/api/exams/${id}/ais-export`, `ais-${exam.groupCode}.csv`) }, t('exam.aisCsv')),
          h('button#ais-xlsx', { disabled: !sheet.aisExportAllowed, onclick: () => get(`/api/exams/${id}/ais-export?format=xlsx`, `ais-${exam.groupCode}.xlsx`) }, t('exam.aisXlsx')))) : null,
      out));

  if (teacher) {
    const sheets = await api(`/api/exams/${id}/sheets`);
    if (sheets.length) {
      main.append(h('div.card', h('h2', t('sheet.gradesOnSheets')), h('table', h('tbody', sheets.map(s => {
        const pct = h('input', { type: 'number', min: 0, max: 100, step: '0.01', value: s.gradePercent ?? '', 'aria-label': t('sheet.grade') + ': ' + s.studentName });
        return h('tr', h('td', s.studentName), h('td', t('sheet.state.' + s.state)),
          h('td', s.validThrough ? t('sheet.validThrough', { d: fmtDay(s.validThrough) }) : '—'),
          h('td', s.state === IndividualSheetState.SHEET_ISSUED ? h('div.inline', pct, h('button', { onclick: async () => {
            try { await api(`/api/sheets/${s.id}/grade`, { method: 'PUT', body: { percent: Number(pct.value) } }); notify(t('core.saved'), 'ok'); }
            catch (x) { notify(x.message, 'error'); }
          } }, t('core.save'))) : (s.gradePercent ?? '—')));
      })))));
    }
  }
} });
