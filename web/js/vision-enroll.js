// @ts-check
// The registrar's enrollment page: a student's biometric consent (recorded on paper) and the
// reference photo from their ID card. Without consent there is no photo: a proctor checks the ID document (000 §4.7).
import { page, h, t, api, ApiError, problemView, fmtDate, notify } from '/js/adal.js';

page({ bundles: ['vision'], roles: ['REGISTRAR'], title: 'vision.enrollTitle', async render(main) {
  const out = h('div', { 'aria-live': 'polite' });
  const detail = h('div#student-detail');
  const filter = h('input#filter', { type: 'search', oninput: () => draw() });
  const body = h('tbody');
  let rows = [];

  function fail(e) { out.replaceChildren(e instanceof ApiError ? problemView(e) : h('div.problem', { role: 'alert' }, String(e))); }

  async function reload() { rows = await api('/api/vision/enrollments'); draw(); }

  function draw() {
    const q = filter.value.trim().toLowerCase();
    body.replaceChildren(...rows.filter(r => !q || r.login.toLowerCase().includes(q) || (r.fullName || '').toLowerCase().includes(q)).map(r =>
      h('tr', h('td', h('button.link', { onclick: () => select(r.studentId), dataset: { login: r.login } }, r.login)), h('td', r.fullName || ''),
        h('td', h('span.badge.' + (r.consent === 'GIVEN' ? 'ok' : r.consent === 'REFUSED' ? 'bad' : 'warn'), t('vision.consent.' + r.consent))),
        h('td', r.enrolled ? h('span.badge.ok', t('vision.enrolled', { n: r.revision })) : h('span.badge.warn', t('vision.notEnrolled'))),
        h('td', r.enrolledAt ? fmtDate(r.enrolledAt) : ''))));
  }

  async function select(id) {
    out.replaceChildren();
    const s = await api(`/api/vision/enrollments/${id}`);
    let photo = null;
    if (s.enrolled) {
      try { photo = URL.createObjectURL(await (await api(`/api/vision/enrollments/${id}/photo`, { raw: true })).blob()); } catch { /* none */ }
    }
    const file = h('input#photo', { type: 'file', accept: 'image/jpeg,image/png' });
    async function consent(given) {
      try { await api(`/api/vision/enrollments/${id}/consent`, { method: 'PUT', body: { given } }); await reload(); await select(id); }
      catch (e) { fail(e); }
    }
    async function upload() {
      const f = file.files[0];
      if (!f) return;
      try {
        await api(`/api/vision/enrollments/${id}/photo`, { method: 'PUT', body: f, headers: { 'Content-Type': f.type || 'image/jpeg' } });
        notify(t('vision.uploaded'), 'ok');
        await reload(); await select(id);
      } catch (e) { fail(e); }
    }
    detail.replaceChildren(h('div.card',
      h('h2', { style: 'margin-top:0' }, `${s.fullName} (${s.login})`),
      h('p', t('vision.consentLabel'), ': ', h('strong#consent-state', t('vision.consent.' + s.consent))),
      h('div.actions', h('button#consent-given', { onclick: () => consent(true) }, t('vision.recordConsent')),
        h('button#consent-refused', { onclick: () => consent(false) }, t('vision.recordRefusal'))),
      s.enrolled ? h('p', t('vision.source.' + s.source), ' · ', fmtDate(s.enrolledAt), ' · ', t('vision.enrolled', { n: s.revision })) : h('p.muted', t('vision.notEnrolled')),
      photo ? h('img', { src: photo, alt: t('vision.reference'), style: 'max-width:200px;border:1px solid #ccc' }) : null,
      s.consent === 'GIVEN' ? h('div', h('label', { for: 'photo' }, t(s.enrolled ? 'vision.reenroll' : 'vision.uploadPhoto')), file,
        h('div.actions', h('button.primary#upload', { onclick: upload }, t('vision.upload')))) : h('p.muted', t('vision.needConsent'))));
  }

  const status = await api('/api/vision/enrollments');
  const modelsOk = status.length === 0 || status[0].modelsAvailable;
  main.append(h('h1', t('vision.enrollTitle')), h('p', t('vision.enrollIntro')),
    modelsOk ? null : h('div.problem', { role: 'alert' }, t('vision.modelsAbsent')),
    out, detail,
    h('div.card', h('label', { for: 'filter' }, t('vision.filter')), filter,
      h('table', h('thead', h('tr', ...['login', 'name', 'consentLabel', 'status', 'when'].map(k => h('th', t('vision.col.' + k))))), body)));
  rows = status;
  draw();
} });
