// The commission chair's visa on absence applications: allowed (a re-sit on another sitting day) or not allowed (001 §6.15.3).
import { page, h, t, api, notify } from '/js/adal.js';
import { absenceCardView } from '/js/casework-absence-view.js';
import { fmtDay } from '/js/casework-appeal-common.js';

page({ bundles: ['appeal'], title: 'absence.chairTitle', async render(main) {
  main.append(h('h1', t('absence.chairTitle')), h('p.muted', t('absence.chairIntro')));
  const box = h('div');
  main.append(box);
  async function reload() {
    const list = await api('/api/absences/chair');
    const cards = [];
    for (const a of list) {
      if (!a.mayVisa) { cards.push(absenceCardView(a)); continue; }
      const sittings = await api(`/api/absences/${a.id}/resit-sittings`);
      const target = h('select.resit-sitting', { 'aria-label': t('absence.resitSitting') }, sittings.map(s => h('option', { value: s.id }, `${s.title} — ${fmtDay(s.date)}`)));
      const note = h('textarea.visa-note', { rows: 2, 'aria-label': t('absence.visaNote') });
      const result = h('div', { 'aria-live': 'polite' });
      const visa = async (allowed) => {
        try {
          await api(`/api/absences/${a.id}/visa`, { method: 'POST', body: { allowed, note: note.value, resitSittingId: allowed ? target.value : null } });
          notify(t('core.saved'), 'ok'); await reload();
        } catch (x) { result.replaceChildren(h('div.problem', { role: 'alert' }, x.message)); }
      };
      cards.push(absenceCardView(a, h('div.card',
        h('label', t('absence.resitSitting')), sittings.length ? target : h('p.problem', t('absence.noSittings')),
        h('label', t('absence.visaNote')), note,
        h('div.actions', h('button.primary.allow', { onclick: () => visa(true), disabled: !sittings.length }, t('absence.allow')),
          h('button.danger.deny', { onclick: () => visa(false) }, t('absence.deny'))), result)));
    }
    box.replaceChildren(cards.length ? h('div#chair-absences', cards) : h('p.muted', t('absence.none')));
  }
  await reload();
} });
