import { page, h, t, api, fmtDate } from '/js/adal.js';

page({ roles: ['SYSTEM_ADMIN', 'REGISTRAR', 'REVIEWER'], title: 'audit.title', async render(main) {
  const status = h('div', { 'aria-live': 'polite' });
  const verify = async () => {
    const v = await api('/api/audit/verify');
    status.replaceChildren(v.intact ? h('div.okbox', t('audit.intact', { rows: v.rows }))
      : h('div.problem', { role: 'alert' }, h('strong', t('audit.broken')), h('ul', v.breaks.map(b => h('li', `#${b.seq}: ${b.problem}`)))));
  };
  const rows = await api('/api/audit?limit=200');
  main.append(h('h1', t('audit.title')), h('div.actions', h('button.primary', { onclick: verify }, t('audit.verify'))), status,
    h('table', h('thead', h('tr', ['#', 'audit.when', 'audit.who', 'audit.what', 'audit.subject', 'audit.detail'].map(k => h('th', k.startsWith('audit') ? t(k) : k)))),
      h('tbody', rows.map(r => h('tr', h('td', r.seq), h('td', fmtDate(r.at)), h('td', r.actor), h('td', h('code', r.action)),
        h('td', `${r.subjectType} ${r.subjectId ? r.subjectId.slice(0, 8) : ''}`), h('td.muted', r.detail || ''))))));
  await verify();
} });
