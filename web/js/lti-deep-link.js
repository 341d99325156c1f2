// @ts-check
// An instructor came from the LMS's "Select content": pick the Adal exam the activity opens; Adal signs the answer
// and the one-time handoff page posts it back to the LMS.
import { page, h, t, api, ApiError, problemView } from '/js/adal.js';

page({ bundles: ['lti'], roles: ['TEACHER'], title: 'lti.pick.title', async render(main) {
  const id = new URLSearchParams(location.search).get('request') || '';
  const r = await api('/api/lti/deep-links/' + encodeURIComponent(id));
  const out = h('div', { 'aria-live': 'assertive' });
  const form = h('form.card#lti-pick', { onsubmit: async e => {
      e.preventDefault(); out.replaceChildren();
      const chosen = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name=exam]:checked'));
      if (!chosen) { out.append(h('div.problem', t('lti.pick.none'))); return; }
      try {
        const a = await api('/api/lti/deep-links/' + encodeURIComponent(id), { method: 'POST', body: { examId: chosen.value } });
        location.href = a.handoff;
      } catch (x) { out.append(x instanceof ApiError ? problemView(x) : h('div.problem', t('core.error'))); }
    } },
    h('p', t('lti.pick.hint', { platform: r.platform })),
    r.exams.length === 0 ? h('p.muted', t('lti.pick.noExams')) : h('fieldset', h('legend', t('lti.pick.exams')),
      r.exams.map(e => h('label', { style: 'display:block;font-weight:400' },
        h('input', { type: 'radio', name: 'exam', value: e.id }), ' ', e.title))),
    out, h('div.actions', h('button.primary#lti-add', { type: 'submit', disabled: r.exams.length === 0 }, t('lti.pick.add'))));
  main.append(h('h1', t('lti.pick.title')), form);
} });
