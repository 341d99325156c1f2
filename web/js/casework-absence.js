// @ts-check
// The student's absence applications (001 §6.15.3): to the commission chair via the deputy dean, with a scanned document.
import { page, h, t, api, notify, readFile, problemView } from '/js/adal.js';
import { base64, fmtDay } from '/js/casework-appeal-common.js';
import { absenceCardView as absenceCard } from '/js/casework-absence-view.js';

page({ bundles: ['appeal'], roles: ['STUDENT'], title: 'absence.title', async render(main) {
  main.append(h('h1', t('absence.title')), h('p.muted', t('absence.intro')));
  const formBox = h('div'), listBox = h('div');
  main.append(formBox, listBox);
  async function reload() {
    const [options, mine] = await Promise.all([api('/api/absences/options'), api('/api/absences/mine')]);
    const open = options.filter(o => !o.applicationId);
    const turn = h('select#turn', open.map(o => h('option', { value: o.turnId }, `${o.sitting} — ${fmtDay(o.date)}`)));
    const reason = h('textarea#absence-reason', { rows: 4, maxlength: 4000, required: true });
    const file = h('input#absence-document', { type: 'file', accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png', required: true });
    const result = h('div', { 'aria-live': 'polite' });
    formBox.replaceChildren(open.length ? h('form.card#absence-form', { onsubmit: async e => {
      e.preventDefault();
      result.replaceChildren();
      const f = file.files[0];
      if (!f) { result.replaceChildren(h('div.problem', { role: 'alert' }, t('absence.documentNeeded'))); return; }
      try {
        await api('/api/absences', { method: 'POST', body: { turnId: turn.value, reason: reason.value, documentName: f.name, documentBase64: base64(await readFile(f)) } });
        notify(t('absence.sent'), 'ok');
        await reload();
      } catch (x) { result.replaceChildren(problemView(x)); }
    } },
      h('h2', t('absence.apply')),
      h('label', { for: 'turn' }, t('absence.sittingMissed')), turn,
      h('label', { for: 'absence-reason' }, t('absence.reason')), reason,
      h('label', { for: 'absence-document' }, t('absence.document')), file, h('p.muted', t('absence.documentHint')),
      h('div.actions', h('button.primary', { type: 'submit' }, t('absence.send'))), result) : h('p.muted', t('absence.noOptions')));
    listBox.replaceChildren(h('h2', t('absence.mine')), mine.length ? h('div#my-absences', mine.map(a => absenceCard(a))) : h('p.muted', t('absence.none')));
  }
  await reload();
} });
