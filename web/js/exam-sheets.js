// @ts-check
import { page, h, t, api, ApiError, problemView, notify, readFile, fmtDate, fmtDay, hasRole, dayInZone } from '/js/adal.js';
import { download } from '/js/exam-common.js';
import { IndividualSheetState } from '/js/states.js';

const SIGNERS = ['DEAN', 'ACADEMIC_POLICY_DIRECTOR', 'ACADEMIC_VICE_RECTOR'];

function base64(buffer) {
  let s = '';
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function sheetRow(s, actions) {
  return h('tr', { dataset: { sheet: s.id } },
    h('td', s.studentName, h('br'), h('span.muted', s.studentLogin)),
    h('td', s.examTitle, h('br'), h('span.muted', s.groupCode)),
    h('td', h('span.badge', t('sheet.state.' + s.state)), h('div.muted', t('sheet.next.' + s.nextStep))),
    h('td', s.reason, h('br'), h('button.link', { onclick: () => download(`/api/sheets/${s.id}/document`, s.documentName) }, s.documentName)),
    h('td', s.validThrough ? t('sheet.validThrough', { d: fmtDay(s.validThrough) }) : '—',
      s.aisEntryDueOn ? h('div', s.aisEntryOverdue ? h('span.badge.bad', t('sheet.overdue')) : null, ' ', t('sheet.dueOn', { d: fmtDay(s.aisEntryDueOn) })) : null),
    h('td.actions', actions, h('button.link.sheet-pdf', { type: 'button', onclick: () => download(`/api/sheets/${s.id}/sheet.pdf`, `individual-sheet-${s.id}.pdf`) },
      t('sheet.pdf'))));
}

const table = (rows) => h('table', h('thead', h('tr', ['exam.student', 'exam.title', 'exam.stateLabel', 'sheet.reason', 'sheet.dates', 'core.actions']
  .map(k => h('th', t(k))))), h('tbody', rows.length ? rows : h('tr', h('td', { colspan: 6 }, t('core.none')))));

page({ bundles: ['exam'], roles: ['STUDENT', 'REGISTRAR', ...SIGNERS], title: 'sheet.title', async render(main) {
  main.append(h('h1', t('sheet.title')), h('p.muted', t('sheet.intro')));
  const act = async (path, body) => {
    try { await api(path, { method: 'POST', body: body || {} }); notify(t('core.saved'), 'ok'); await reload(); }
    catch (x) { notify(x.message, 'error'); }
  };
  const sections = h('div');
  main.append(sections);

  async function reload() {
    sections.replaceChildren();
    if (hasRole('STUDENT')) await student();
    if (hasRole(...SIGNERS)) await signer();
    if (hasRole('REGISTRAR')) await registrar();
  }

  async function student() {
    const exams = await api('/api/sheets/exams');
    const mine = await api('/api/sheets/mine');
    const out = h('div', { 'aria-live': 'polite' });
    const f = h('form.card#apply', { onsubmit: async e => {
        e.preventDefault(); out.replaceChildren();
        const file = f.doc.files[0];
        if (!file) { out.append(h('div.problem', t('sheet.documentRequired'))); return; }
        try {
          await api('/api/sheets', { method: 'POST', body: { examId: f.exam.value, reason: f.reason.value,
            documentName: file.name, documentType: file.type || 'application/octet-stream', documentBase64: base64(await readFile(file)) } });
          out.append(h('div.okbox', t('sheet.applied'))); f.reset(); await reload();
        } catch (x) { out.append(x instanceof ApiError ? problemView(x) : h('div.problem', String(x))); }
      } },
      h('h2', t('sheet.apply')),
      h('label', { for: 's-exam' }, t('exam.title')), h('select#s-exam', { name: 'exam', required: true }, exams.map(x => h('option', { value: x.id }, `${x.title} (${fmtDate(x.closesAt)})`))),
      h('label', { for: 's-reason' }, t('sheet.reason')), h('textarea#s-reason', { name: 'reason', required: true }),
      h('label', { for: 's-doc' }, t('sheet.document')), h('input#s-doc', { name: 'doc', type: 'file', accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png' }),
      h('p.muted', t('sheet.documentHint')), out,
      h('div.actions', h('button.primary', { type: 'submit' }, t('sheet.send'))));
    sections.append(f, h('div.card', h('h2', t('sheet.mine')), table(mine.map(s => sheetRow(s, null)))));
  }

  async function signer() {
    const queue = await api('/api/sheets/queue');
    const rows = queue.map(s => {
      const buttons = [];
      const turn = { APPLIED: 'DEAN', SIGNED_BY_DEAN: 'ACADEMIC_POLICY_DIRECTOR', SIGNED_BY_ACADEMIC_POLICY_DIRECTOR: 'ACADEMIC_VICE_RECTOR' }[s.state];
      if (turn && hasRole(turn)) {
        buttons.push(h('button.primary', { onclick: () => act(`/api/sheets/${s.id}/sign`) }, t('sheet.sign')),
          h('button.danger', { onclick: () => { const reason = prompt(t('sheet.refuseReason')); if (reason) act(`/api/sheets/${s.id}/refuse`, { reason }); } }, t('sheet.refuse')));
      }
      if (s.state === IndividualSheetState.SIGNED_BY_ACADEMIC_VICE_RECTOR && hasRole('DEAN')) {
        const no = h('input', { 'aria-label': t('sheet.orderNumber'), placeholder: t('sheet.orderNumber') });
        buttons.push(h('div.inline', no, h('button.primary', { onclick: () => act(`/api/sheets/${s.id}/order`, { orderNumber: no.value }) }, t('sheet.issueOrder'))));
      }
      if (s.state === IndividualSheetState.ORDER_ISSUED && hasRole('DEAN')) {
        const day = h('input', { type: 'date', 'aria-label': t('sheet.receivedOn'), value: dayInZone() });
        buttons.push(h('div.inline', h('span', t('sheet.receivedOn')), day, h('button.primary', { onclick: () => act(`/api/sheets/${s.id}/issue`, { receivedOn: day.value }) }, t('sheet.issue'))));
      }
      return sheetRow(s, buttons);
    });
    sections.append(h('div.card', h('h2', t('sheet.queue')), table(rows)));
  }

  async function registrar() {
    const list = await api('/api/sheets/registrar');
    const overdue = list.filter(s => s.aisEntryOverdue);
    sections.append(h('div.card', h('h2', t('sheet.registrar')),
      overdue.length ? h('div.problem', { role: 'alert' }, t('sheet.overdueCount', { n: overdue.length })) : null,
      table(list.map(s => sheetRow(s, [
        s.state === IndividualSheetState.SHEET_ISSUED ? h('button', { onclick: () => act(`/api/sheets/${s.id}/return`) }, t('sheet.returned')) : null,
        s.state === IndividualSheetState.RETURNED ? h('button.primary', { onclick: () => act(`/api/sheets/${s.id}/ais`) }, t('sheet.enteredInAis')) : null])))));
  }

  await reload();
} });
