// @ts-check
import { page, h, t, api, fmtDate } from '/js/adal.js';

// what a break is, in the reader's language when the server names its kind (older kinds come as text)
const breakText = b => (b.code ? t('audit.break.' + b.code, { seq: b.seq }) : `#${b.seq}: ${b.problem}`);

page({ roles: ['SYSTEM_ADMIN', 'REGISTRAR', 'REVIEWER'], title: 'audit.title', async render(main) {
  const status = h('div', { 'aria-live': 'polite' });
  const verify = async () => {
    const v = await api('/api/audit/verify');
    // which signed checkpoint (kept outside the database) the log was checked against
    const anchor = v.checkpoint
      ? h('p.muted#audit-checkpoint', t('audit.checkpoint', { seq: v.checkpoint.seq, at: fmtDate(v.checkpoint.at),
          signer: v.checkpoint.signer, key: v.checkpoint.keyId, n: v.checkpoints }))
      : h('p.muted#audit-checkpoint', t('audit.noCheckpoint'));
    status.replaceChildren(v.intact ? h('div.okbox', t('audit.intact', { rows: v.rows }))
      : h('div.problem', { role: 'alert' }, h('strong', t('audit.broken')), h('ul', v.breaks.map(b => h('li', breakText(b))))), anchor);
  };
  const rows = await api('/api/audit?limit=200');
  main.append(h('h1', t('audit.title')), h('div.actions', h('button.primary', { onclick: verify }, t('audit.verify'))), status,
    h('table', h('thead', h('tr', ['#', 'audit.when', 'audit.who', 'audit.what', 'audit.subject', 'audit.detail'].map(k => h('th', k.startsWith('audit') ? t(k) : k)))),
      h('tbody', rows.map(r => h('tr', h('td', r.seq), h('td', fmtDate(r.at)), h('td', r.actor), h('td', { dataset: { verbatim: '' } }, h('code', r.action)),
        h('td', { dataset: { verbatim: '' } }, `${r.subjectType} ${r.subjectId ? r.subjectId.slice(0, 8) : ''}`),
        h('td.muted', { dataset: { verbatim: '' } }, r.detail || ''))))));
  await verify();
} });
