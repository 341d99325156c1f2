// @ts-check
// The dean's office forwards absence applications to the commission chair (001 §6.15.3).
import { page, h, t, api, notify } from '/js/adal.js';
import { absenceCardView } from '/js/casework-absence-view.js';
import { AbsenceState } from '/js/states.js';

page({ bundles: ['appeal'], roles: ['DEAN'], title: 'absence.deanTitle', async render(main) {
  main.append(h('h1', t('absence.deanTitle')), h('p.muted', t('absence.deanIntro')));
  const box = h('div');
  main.append(box);
  async function reload() {
    const list = await api('/api/absences/dean');
    box.replaceChildren(list.length ? h('div#dean-absences', list.map(a => {
      if (a.state !== AbsenceState.APPLIED) return absenceCardView(a);
      const note = h('input.forward-note', { 'aria-label': t('absence.forwardNote'), placeholder: t('absence.forwardNote') });
      return absenceCardView(a, h('div.actions', note, h('button.primary.forward', { onclick: async () => {
        try { await api(`/api/absences/${a.id}/forward`, { method: 'POST', body: { note: note.value } }); notify(t('absence.forwardedOk'), 'ok'); await reload(); }
        catch (x) { notify(x.message, 'error'); }
      } }, t('absence.forward'))));
    })) : h('p.muted', t('absence.none')));
  }
  await reload();
} });
