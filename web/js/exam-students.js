// @ts-check
import { page, h, t, api, ApiError, problemView, notify, readFile, fmtDate, hasRole, confirmDialog } from '/js/adal.js';
import { STAFF, param, examHeader } from '/js/exam-common.js';
import { AccountState } from '/js/states.js';

page({ bundles: ['exam'], roles: [...STAFF, 'DEAN'], title: 'exam.students', async render(main) {
  const id = param('id');
  const exam = await api(`/api/exams/${id}`);
  const teacher = hasRole(...STAFF);
  const dean = hasRole('DEAN');
  const body = h('tbody');

  async function load() {
    const rows = await api(`/api/exams/${id}/students`);
    body.replaceChildren(...rows.map(r => {
      const reason = h('input', { 'aria-label': t('exam.reason') + ': ' + r.fullName, placeholder: t('exam.reason'), value: r.admissionReason || '' });
      const acc = r.extraMinutes ? h('span', h('span.badge', `+${r.extraMinutes} ${t('exam.min')}`), ' ', h('span.muted', r.accommodationBasis)) : '—';
      const minutes = h('input', { type: 'number', min: 1, max: 120, 'aria-label': t('exam.extraMinutes') + ': ' + r.fullName, placeholder: t('exam.min'), value: r.extraMinutes || '' });
      const basis = h('input', { 'aria-label': t('exam.basis') + ': ' + r.fullName, placeholder: t('exam.basis'), value: r.accommodationBasis || '' });
      return h('tr', { dataset: { login: r.login } },
        h('td', r.fullName, h('br'), h('span.muted', r.login)),
        h('td', r.admitted === null ? h('span.badge.warn', t('exam.undecided')) : r.admitted ? h('span.badge.ok', t('exam.admitted'))
          : h('span.badge.bad', t('exam.notAdmitted')), r.admissionReason ? h('div.muted', r.admissionReason) : null,
          r.admissionSource ? h('div.muted', t('exam.source.' + r.admissionSource), ' · ', fmtDate(r.admissionDecidedAt)) : null),
        h('td', r.mayStart ? h('span.badge.ok', t('core.yes')) : h('span.badge.bad', t('core.no')),
          exam.kind === 'FINAL_ATTESTATION_TEST' && !r.curriculumCompleted ? h('div.muted', t('exam.noCurriculum')) : null),
        h('td', acc, dean ? h('div.inline', minutes, basis, h('button', { onclick: () => accommodate(r, minutes.value, basis.value) }, t('exam.approve'))) : null),
        h('td', r.sheetState ? h('span.badge', t('sheet.state.' + r.sheetState)) : '—', r.sheetValidThrough ? h('div.muted', t('sheet.validThrough', { d: r.sheetValidThrough })) : null),
        teacher ? h('td', h('div.inline', reason,
          h('button', { onclick: () => decide(r, true, reason.value) }, t('exam.admit')),
          h('button.danger', { onclick: () => decide(r, false, reason.value) }, t('exam.refuse')))) : null);
    }));
  }
  async function decide(r, admitted, reason) {
    try { await api(`/api/exams/${id}/admissions/${r.studentId}`, { method: 'PUT', body: { admitted, reason } }); notify(t('core.saved'), 'ok'); load(); }
    catch (x) { notify(x.message, 'error'); }
  }
  async function accommodate(r, minutes, basis) {
    try { await api(`/api/exams/${id}/accommodations/${r.studentId}`, { method: 'PUT', body: { extraMinutes: minutes ? Number(minutes) : null, basis } }); notify(t('core.saved'), 'ok'); load(); }
    catch (x) { notify(x.message, 'error'); }
  }

  const file = h('input#csv', { type: 'file', accept: '.csv,text/csv' });
  const importOut = h('div', { 'aria-live': 'polite' });
  const imp = teacher ? h('div.card', h('h2', t('exam.importAdmission')), h('p.muted', t('exam.importHint')),
    h('label', { for: 'csv' }, 'CSV'), file, importOut,
    h('div.actions', h('button.primary#csv-upload', { onclick: async () => {
      importOut.replaceChildren();
      if (!file.files[0]) return;
      try {
        const r = await api(`/api/exams/${id}/admissions/import`, { method: 'POST', body: await readFile(file.files[0]), headers: { 'Content-Type': 'text/csv' } });
        importOut.append(h('div.okbox', t('exam.imported', { n: r.rows, yes: r.admitted, no: r.notAdmitted })));
        load();
      } catch (x) { importOut.append(x instanceof ApiError ? problemView(x) : h('div.problem', String(x))); }
    } }, t('exam.upload')))) : null;

  main.append(examHeader(exam), ...(teacher ? [await proctorsCard(exam)] : []), h('div.card', h('h2', t('exam.students')),
    h('table', h('thead', h('tr', ['exam.student', 'exam.admission', 'exam.mayStart', 'exam.accommodation', 'sheet.title', teacher ? 'exam.decide' : null]
      .filter(Boolean).map(k => h('th', t(k))))), body)), imp);
  await load();
} });

/** Who watches this exam live: the proctors assigned to it, added from the staff with the proctor role. */
async function proctorsCard(exam) {
  const [proctors, assigned] = await Promise.all([api('/api/users?role=PROCTOR'), api(`/api/proctor/assignments?examId=${exam.id}`)]);
  const byId = new Map(proctors.map(p => [p.id, p]));
  const list = h('ul#proctors.plain');
  const pick = h('select#proctor-pick');
  const out = h('div', { 'aria-live': 'polite' });
  let current = assigned;
  function draw() {
    const taken = new Set(current.map(a => a.proctorId));
    list.replaceChildren(...(current.length ? current.map(a => {
      const p = byId.get(a.proctorId);
      const name = p ? `${p.fullName} (${p.login})` : a.proctorLogin;
      return h('li', { dataset: { proctor: a.proctorLogin } }, h('span', name), ' ',
        h('span.muted', t('exam.proctors.since', { time: fmtDate(a.assignedAt) })), ' ',
        h('button.danger', { type: 'button', 'aria-label': t('exam.proctors.removeWho', { name }), onclick: () => remove(a, name) }, t('exam.proctors.remove')));
    }) : [h('li.muted', t('exam.proctors.none'))]));
    const free = proctors.filter(p => p.state === AccountState.ACTIVE && !taken.has(p.id));
    pick.replaceChildren(h('option', { value: '' }, free.length ? t('exam.proctors.choose') : t('exam.proctors.noMore')),
      ...free.map(p => h('option', { value: p.login }, `${p.fullName} (${p.login})`)));
  }
  async function reload() { current = await api(`/api/proctor/assignments?examId=${exam.id}`); draw(); }
  async function add(e) {
    e.preventDefault(); out.replaceChildren();
    if (!pick.value) { out.append(h('div.problem', { role: 'alert' }, t('exam.proctors.chooseFirst'))); pick.focus(); return; }
    try {
      await api('/api/proctor/assignments', { method: 'POST', body: { proctorLogin: pick.value, examId: exam.id } });
      await reload(); notify(t('exam.proctors.added'), 'ok'); pick.focus();
    } catch (x) { out.append(x instanceof ApiError ? problemView(x) : h('div.problem', String(x))); }
  }
  async function remove(a, name) {
    if (!await confirmDialog({ title: t('exam.proctors.removeTitle'), text: t('exam.proctors.removeText', { name, title: exam.title }),
      ok: t('exam.proctors.remove'), danger: true })) return;
    out.replaceChildren();
    try { await api(`/api/proctor/assignments/${a.id}`, { method: 'DELETE' }); await reload(); notify(t('exam.proctors.removed'), 'ok'); pick.focus(); }
    catch (x) { out.append(x instanceof ApiError ? problemView(x) : h('div.problem', String(x))); }
  }
  draw();
  return h('section.card#proctors-card', { 'aria-labelledby': 'proctors-title' }, h('h2#proctors-title', t('exam.proctors.title')),
    h('p.muted', t('exam.proctors.hint')), list,
    h('form.inline#proctor-add', { onsubmit: add }, h('label.sr-only', { for: 'proctor-pick' }, t('exam.proctors.choose')), pick,
      h('button.primary', { type: 'submit' }, t('exam.proctors.add'))), out);
}
