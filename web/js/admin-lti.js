// @ts-check
// The admin registers LMS platforms (Moodle) for LTI 1.3 and copies Adal's addresses into them (docs/lms.md).
import { page, h, t, api, ApiError, problemView, notify } from '/js/adal.js';

page({ bundles: ['lti'], roles: ['SYSTEM_ADMIN'], title: 'lti.admin.title', async render(main) {
  const tool = h('section.card#lti-tool');
  const list = h('section.card#lti-platforms');
  const out = h('div', { 'aria-live': 'polite' });
  /** @type {string | null} */
  let editing = null;

  /** @param {string} id @param {string} label @param {string} value */
  const copyRow = (id, label, value) => h('div.row',
    h('div', h('label', { for: id }, label), h('input', { id, value, readOnly: true })),
    h('div', h('button', { type: 'button', onclick: () => { navigator.clipboard?.writeText(value); notify(t('lti.copied'), 'ok'); } }, t('lti.copy'))));

  async function load() {
    const o = await api('/api/lti/platforms');
    tool.replaceChildren(h('h2', t('lti.admin.tool')), h('p.muted', t('lti.admin.toolHint')),
      ...(o.tool.keyConfigured ? [] : [h('div.problem', t('lti.admin.noKey'))]),   // replaceChildren would print a null
      copyRow('lti-tool-url', t('lti.toolUrl'), o.tool.toolUrl),
      copyRow('lti-jwks-url', t('lti.jwksUrl'), o.tool.jwksUrl),
      copyRow('lti-login-url', t('lti.loginUrl'), o.tool.loginUrl),
      copyRow('lti-redirect-url', t('lti.redirectUrl'), o.tool.redirectUrl),
      copyRow('lti-deep-linking-url', t('lti.deepLinkingUrl'), o.tool.deepLinkingUrl));
    list.replaceChildren(h('h2', t('lti.admin.platforms')),
      o.platforms.length === 0 ? h('p.muted', t('lti.admin.none')) : h('table',
        h('thead', h('tr', ['lti.name', 'lti.issuer', 'lti.clientId', 'lti.deployments', 'core.actions'].map(k => h('th', t(k))))),
        h('tbody', o.platforms.map(p => h('tr', { dataset: { issuer: p.issuer } },
          h('td', p.name), h('td', p.issuer), h('td', p.clientId), h('td', p.deploymentIds.join(', ')),
          h('td', h('button', { type: 'button', onclick: () => edit(p) }, t('lti.edit'))))))));
  }

  const f = h('form.card#lti-form', { onsubmit: async e => {
      e.preventDefault(); out.replaceChildren();
      const body = { name: f.pname.value, issuer: f.issuer.value, clientId: f.clientId.value,
        deploymentIds: f.deployments.value.split(/[\n,]/).map(s => s.trim()).filter(Boolean),
        authEndpoint: f.auth.value, tokenEndpoint: f.tokenUrl.value, jwksUrl: f.jwks.value };
      try {
        await api(editing ? `/api/lti/platforms/${editing}` : '/api/lti/platforms', { method: editing ? 'PUT' : 'POST', body });
        notify(t('core.saved'), 'ok'); editing = null; f.reset(); load();
      } catch (x) { out.append(x instanceof ApiError ? problemView(x) : h('div.problem', t('core.error'))); }
    } },
    h('h2', t('lti.admin.register')), h('p.muted', t('lti.admin.registerHint')),
    field('lti-name', 'pname', 'lti.name'), field('lti-issuer', 'issuer', 'lti.issuer'), field('lti-client', 'clientId', 'lti.clientId'),
    h('label', { for: 'lti-deployments' }, t('lti.deployments')), h('textarea#lti-deployments', { name: 'deployments', rows: 2, required: true }),
    field('lti-auth', 'auth', 'lti.authEndpoint'), field('lti-token', 'tokenUrl', 'lti.tokenEndpoint'), field('lti-jwks', 'jwks', 'lti.platformJwks'),
    out, h('div.actions', h('button.primary', { type: 'submit' }, t('lti.save'))));

  /** @param {string} id @param {string} name @param {string} key */
  function field(id, name, key) {
    return h('div', h('label', { for: id }, t(key)), h('input', { id, name, required: true }));
  }

  /** @param {any} p */
  function edit(p) {
    editing = p.id;
    f.pname.value = p.name; f.issuer.value = p.issuer; f.clientId.value = p.clientId; f.deployments.value = p.deploymentIds.join('\n');
    f.auth.value = p.authEndpoint; f.tokenUrl.value = p.tokenEndpoint; f.jwks.value = p.jwksUrl;
    f.scrollIntoView();
  }

  main.append(h('h1', t('lti.admin.title')), tool, list, f);
  await load();
} });
