// @ts-check
// The commission chair's visa on absence applications: allowed (a re-sit on another sitting day) or not allowed (001 §6.15.3).
import { page, h, t, api, notify, dayInZone } from '/js/adal.js';
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
      // the re-sit: a planned sitting day of the student's programme and language, or a new day set here
      const NEW = 'new';
      const uid = a.id.slice(0, 8);
      const target = h('select.resit-sitting#resit-' + uid, sittings.map(s => h('option', { value: s.id }, `${s.title} — ${fmtDay(s.date)}`)),
        h('option', { value: NEW }, t('absence.newDay')));
      const tomorrow = dayInZone(1);
      const day = h('input.resit-date#resit-date-' + uid, { type: 'date', min: dayInZone(), value: tomorrow });
      const dayBox = h('div.resit-new', h('label', { for: 'resit-date-' + uid }, t('absence.newDayDate')), day, h('p.muted', t('absence.newDayHint')));
      const sync = () => { dayBox.hidden = target.value !== NEW; };
      target.addEventListener('change', sync);
      sync();
      const note = h('textarea.visa-note#visa-note-' + uid, { rows: 2 });
      const result = h('div', { 'aria-live': 'polite' });
      const visa = async (allowed) => {
        const body = { allowed, note: note.value };
        if (allowed && target.value === NEW) body.resitDate = day.value;
        else if (allowed) body.resitSittingId = target.value;
        try {
          await api(`/api/absences/${a.id}/visa`, { method: 'POST', body });
          notify(t('core.saved'), 'ok'); await reload();
        } catch (x) { result.replaceChildren(h('div.problem', { role: 'alert' }, x.message)); }
      };
      cards.push(absenceCardView(a, h('div.card',
        h('label', { for: 'resit-' + uid }, t('absence.resitSitting')), target, sittings.length ? null : h('p.muted', t('absence.noSittings')), dayBox,
        h('label', { for: 'visa-note-' + uid }, t('absence.visaNote')), note,
        h('div.actions', h('button.primary.allow', { type: 'button', onclick: () => visa(true) }, t('absence.allow')),
          h('button.danger.deny', { type: 'button', onclick: () => visa(false) }, t('absence.deny'))), result)));
    }
    box.replaceChildren(cards.length ? h('div#chair-absences', cards) : h('p.muted', t('absence.none')));
  }
  await reload();
} });
