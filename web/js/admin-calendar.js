// @ts-check
// The official working calendar, per year (system admin): public holidays, weekdays made days off by decree,
// working Saturdays. Appeal deadlines count working days by it (001 §6.15.5).
import { page, h, t, api, notify, problemView } from '/js/adal.js';
import { fmtDay } from '/js/casework-appeal-common.js';

const KINDS = ['HOLIDAY', 'DAY_OFF', 'WORKING_DAY'];

page({ bundles: ['appeal'], roles: ['SYSTEM_ADMIN'], title: 'calendar.title', async render(main) {
  main.append(h('h1', t('calendar.title')), h('p.muted', t('calendar.intro')));
  const params = new URLSearchParams(location.search);
  let year = Number(params.get('year')) || new Date().getFullYear();
  const body = h('div');
  main.append(body);

  async function show() {
    const [years, cal] = await Promise.all([api('/api/calendar'), api(`/api/calendar/${year}`)]);
    const choices = [...new Set([...years, new Date().getFullYear(), new Date().getFullYear() + 1, year])].sort();
    const yearSel = h('select#year', { 'aria-label': t('calendar.year'), onchange: e => { year = Number(e.target.value); history.replaceState(null, '', `?year=${year}`); show(); } },
      choices.map(y => h('option', { value: y, selected: y === year }, `${y}${years.includes(y) ? '' : ' — ' + t('calendar.notEntered')}`)));
    const date = h('input#day-date', { type: 'date', min: `${year}-01-01`, max: `${year}-12-31`, required: true });
    const kind = h('select#day-kind', KINDS.map(k => h('option', { value: k }, t('calendar.kind.' + k))));
    const name = h('input#day-name', { required: true, maxlength: 300 });
    const result = h('div', { 'aria-live': 'polite' });
    const add = h('form.card#add-day', { onsubmit: async e => {
      e.preventDefault();
      try {
        await api(`/api/calendar/${year}/days`, { method: 'POST', body: { date: date.value, kind: kind.value, name: name.value } });
        notify(t('calendar.added'), 'ok');
        await show();
      } catch (x) { result.replaceChildren(problemView(x)); }
    } },
      h('h2', t('calendar.add')),
      h('div.row', h('div', h('label', { for: 'day-date' }, t('calendar.date')), date), h('div', h('label', { for: 'day-kind' }, t('calendar.kind')), kind),
        h('div', h('label', { for: 'day-name' }, t('calendar.name')), name), h('div', h('button.primary', { type: 'submit' }, t('calendar.addButton')))),
      h('p.muted', t('calendar.kindsHint')), result);
    body.replaceChildren(...[
      h('div.row', h('div', h('label', { for: 'year' }, t('calendar.year')), yearSel)),
      cal.sample ? h('p.sample-banner#sample', { role: 'note' }, t('calendar.sample')) : null,
      !cal.configured ? h('div.problem#not-entered', { role: 'alert' }, t('calendar.notEnteredLong', { year })) : null,
      h('table#days', h('thead', h('tr', ['calendar.date', 'calendar.kind', 'calendar.name', ''].map(k => h('th', k ? t(k) : '')))),
        h('tbody', cal.days.length ? cal.days.map(d => h('tr', { dataset: { date: d.date } },
          h('td', fmtDay(d.date)), h('td', { class: 'cal-kind-' + d.kind }, t('calendar.kind.' + d.kind)), h('td', d.name),
          h('td', h('button.link.remove', { onclick: async () => {
            if (!confirm(t('calendar.removeConfirm', { date: d.date }))) return;
            try { await api(`/api/calendar/${year}/days/${d.date}`, { method: 'DELETE' }); await show(); } catch (x) { notify(x.message, 'error'); }
          } }, t('calendar.remove'))))) : h('tr', h('td', { colspan: 4 }, t('calendar.noDays'))))),
      add].filter(Boolean));
  }
  await show();
} });
