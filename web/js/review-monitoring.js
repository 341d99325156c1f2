// @ts-check
// Monitoring reports (001 §6.12.2) for the registrar and the IT centre: per exam of a period, access (logins
// of the exam's students during its window, attempt starts), participation and the technical failures seen.
import { page, h, t, api, ApiError, problemView, dayInZone } from '/js/adal.js';
import { download, fmtDate } from '/js/review-common.js';

page({ bundles: ['review'], roles: ['REGISTRAR', 'SYSTEM_ADMIN'], title: 'review.monitoring.title', async render(main) {
  const today = dayInZone();   // the institution's day, not the browser's or UTC's
  const from = h('input#m-from', { type: 'date', value: today.slice(0, 8) + '01' });
  const to = h('input#m-to', { type: 'date', value: today });
  const body = h('tbody#m-rows');
  const status = h('p.muted', { role: 'status', 'aria-live': 'polite' });
  const cols = ['exam', 'opens', 'logins', 'attemptStarts', 'admitted', 'started', 'submitted', 'absent', 'connectionDrops',
    'recordingGaps', 'recordingStops', 'problemReports'];
  const query = () => `from=${from.value}&to=${to.value}`;
  async function load() {
    body.replaceChildren();
    try {
      const rows = await api('/api/review/monitoring?' + query());
      status.textContent = t('review.monitoring.count', { n: rows.length });
      for (const r of rows) {
        body.append(h('tr', { dataset: { exam: r.examId } }, h('td', h('strong', r.exam), h('div.muted', r.group || '')), h('td', fmtDate(r.opensAt)),
          ...cols.slice(2).map(c => h('td', { dataset: { col: c }, style: 'text-align:right' }, String(r[c])))));
      }
    } catch (e) { status.replaceChildren(e instanceof ApiError ? problemView(e) : String(e)); }
  }
  main.append(h('h1', t('review.monitoring.title')), h('p.muted', t('review.monitoring.note')),
    h('section.card', h('div.rv-filters',
      h('div', h('label', { for: 'm-from' }, t('review.monitoring.from')), from),
      h('div', h('label', { for: 'm-to' }, t('review.monitoring.to')), to),
      h('div', h('button.primary#m-apply', { onclick: load }, t('review.filter.apply'))),
      h('div', h('button#m-csv', { onclick: () => download('/api/review/monitoring.csv?' + query(), 'monitoring.csv') }, t('review.monitoring.csv'))))),
    status,
    h('div', { style: 'overflow-x:auto' }, h('table#m-table', h('thead', h('tr', cols.map(c => h('th', { scope: 'col' }, t('review.monitoring.col.' + c))))), body)));
  await load();
} });
