// @ts-check
import { page, h, t, api, ApiError, problemView, notify, readFile } from '/js/adal.js';
import { AccountState } from '/js/states.js';

const ROLES = ['STUDENT', 'TEACHER', 'BANK_AUTHOR', 'HEAD_OF_DEPARTMENT', 'BANK_EXPERT', 'DEAN', 'ACADEMIC_POLICY_DIRECTOR',
  'ACADEMIC_VICE_RECTOR', 'REGISTRAR', 'PORTAL_ADMIN', 'PROCTOR', 'TECHNICAL_SECRETARY', 'REVIEWER', 'SYSTEM_ADMIN'];

page({ roles: ['SYSTEM_ADMIN'], title: 'admin.users', async render(main) {
  const list = h('div');
  const search = h('input', { type: 'search', placeholder: t('core.search'), 'aria-label': t('core.search'), oninput: () => load() });

  async function load() {
    const users = await api('/api/users?q=' + encodeURIComponent(search.value));
    list.replaceChildren(h('table', h('thead', h('tr', ['admin.login', 'admin.fullName', 'admin.roles', 'admin.group', 'admin.state', 'core.actions'].map(k => h('th', t(k))))),
      h('tbody', users.map(u => h('tr', { dataset: { login: u.login } },
        h('td', u.login), h('td', u.fullName), h('td', u.roles.map(r => t('role.' + r)).join(', ')),
        h('td', u.groupCode || '—'), h('td', h('span.badge' + (u.state === AccountState.ACTIVE ? '.ok' : '.bad'), t('admin.' + u.state))),
        h('td', u.state === AccountState.ACTIVE
          ? h('button.danger', { onclick: () => setState(u, 'SUSPENDED') }, t('admin.suspend'))
          : h('button', { onclick: () => setState(u, 'ACTIVE') }, t('admin.activate'))))))));
  }

  async function setState(u, state) {
    let reason = null;
    if (state === AccountState.SUSPENDED) { reason = prompt(t('admin.reason')); if (!reason) return; }
    try { await api(`/api/users/${u.id}/state`, { method: 'PUT', body: { state, reason } }); notify(t('core.saved'), 'ok'); load(); }
    catch (e) { notify(e.message, 'error'); }
  }

  // --- one account ---
  const out = h('div', { 'aria-live': 'polite' });
  const f = h('form.card', { onsubmit: async e => {
      e.preventDefault(); out.replaceChildren();
      const roles = [...f.querySelectorAll('input[name=role]:checked')].map(c => c.value);
      try {
        const r = await api('/api/users', { method: 'POST', body: { login: f.login.value, fullName: f.fullName.value, email: f.email.value,
          roles, groupCode: f.group.value, programme: f.programme.value, instructionLanguage: f.language.value || null,
          curriculumCompleted: f.curriculum.checked } });
        out.append(h('div.okbox', t('admin.created', { password: r.initialPassword || '—' })));
        f.reset(); load();
      } catch (x) { out.append(x instanceof ApiError ? problemView(x) : h('div.problem', String(x))); }
    } },
    h('h2', t('admin.newUser')),
    h('div.row',
      h('div', h('label', { for: 'u-login' }, t('admin.login')), h('input#u-login', { name: 'login', required: true })),
      h('div', h('label', { for: 'u-name' }, t('admin.fullName')), h('input#u-name', { name: 'fullName', required: true })),
      h('div', h('label', { for: 'u-email' }, t('admin.email')), h('input#u-email', { name: 'email', type: 'email' }))),
    h('div.row',
      h('div', h('label', { for: 'u-group' }, t('admin.group')), h('input#u-group', { name: 'group' })),
      h('div', h('label', { for: 'u-prog' }, t('admin.programme')), h('input#u-prog', { name: 'programme' })),
      h('div', h('label', { for: 'u-lang' }, t('admin.language')), h('select#u-lang', { name: 'language' },
        h('option', { value: '' }, '—'), ['kk', 'ru', 'en'].map(l => h('option', { value: l }, l))))),
    h('fieldset', h('legend', t('admin.roles')), h('div.grid', ROLES.map(r => h('label', { style: 'font-weight:400' },
      h('input', { type: 'checkbox', name: 'role', value: r, checked: r === 'STUDENT' }), ' ', t('role.' + r))))),
    h('label', { style: 'font-weight:400' }, h('input', { type: 'checkbox', name: 'curriculum' }), ' ', t('admin.curriculum')),
    out,
    h('div.actions', h('button.primary', { type: 'submit' }, t('admin.create'))));

  // --- CSV import ---
  const importOut = h('div', { 'aria-live': 'polite' });
  const file = h('input#csv', { type: 'file', accept: '.csv,text/csv' });
  const imp = h('div.card', h('h2', t('admin.import')), h('p.muted', t('admin.importHint')),
    h('label', { for: 'csv' }, 'CSV'), file, importOut,
    h('div.actions', h('button.primary#csv-upload', { onclick: async () => {
      importOut.replaceChildren();
      if (!file.files[0]) return;
      try {
        const r = await api('/api/users/import', { method: 'POST', body: await readFile(file.files[0]), headers: { 'Content-Type': 'text/csv' } });
        importOut.append(h('div.okbox', t('admin.imported', { n: r.created })),
          h('details', h('summary', t('admin.passwords')), h('table', h('tbody', r.accounts.map(a => h('tr', h('td', a.user.login), h('td', h('code', a.initialPassword || '—'))))))));
        load();
      } catch (x) { importOut.append(x instanceof ApiError ? problemView(x) : h('div.problem', String(x))); }
    } }, t('admin.upload'))));

  main.append(h('h1', t('admin.users')), h('div.card', search, list), f, imp);
  await load();
} });
