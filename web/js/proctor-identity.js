// @ts-check
// The proctor's identity queue (000 §4.5, §4.7): the captured frame beside the reference photo;
// approve or deny by hand with a reason (audited). Liveness is not available with the current models.
import { page, h, t, api, ApiError, problemView, fmtDate, notify } from '/js/adal.js';

const POLL_MS = 4000;

async function imageUrl(path) {
  try { return URL.createObjectURL(await (await api(path, { raw: true })).blob()); } catch { return null; }
}

page({ bundles: ['vision'], roles: ['PROCTOR'], title: 'vision.queueTitle', async render(main) {
  const list = h('div#queue', { 'aria-live': 'polite' });
  const shown = new Map(); // check id → card

  async function card(c) {
    const [frame, ref] = await Promise.all([imageUrl(`/api/proctor/identity-checks/${c.id}/frame`),
      c.hasReference ? imageUrl(`/api/vision/enrollments/${c.studentId}/photo`) : null]);
    const reason = h('textarea', { id: `reason-${c.id}`, rows: 2, required: true });
    const enroll = !c.hasReference && c.consent === 'GIVEN' ? h('input', { type: 'checkbox', id: `enroll-${c.id}` }) : null;
    const out = h('div', { 'aria-live': 'polite' });
    async function decide(approve) {
      out.replaceChildren();
      try {
        await api(`/api/proctor/identity-checks/${c.id}/decision`, { method: 'POST',
          body: { approve, reason: reason.value, enroll: !!enroll?.checked } });
        notify(t(approve ? 'vision.approved' : 'vision.denied'), 'ok');
        el.remove(); shown.delete(c.id);
        if (!shown.size) list.replaceChildren(h('p.muted#empty', t('vision.queueEmpty')));
      } catch (e) { out.append(e instanceof ApiError ? problemView(e) : h('div.problem', { role: 'alert' }, String(e))); }
    }
    const el = h('div.card.identity-check', { dataset: { check: c.id, login: c.studentLogin, reason: c.reason } },
      h('h2', { style: 'margin-top:0' }, `${c.studentName} (${c.studentLogin})`),
      h('p.muted', `${c.examTitle || ''} · ${fmtDate(c.createdAt)}`),
      h('p', h('span.badge.warn', t('vision.reason.' + c.reason)),
        c.similarity != null ? ` ${t('vision.similarity')}: ${c.similarity.toFixed(2)}` : '',
        ` · ${t('vision.consent.' + c.consent)} · ${t('vision.liveness')}`),
      h('div.row', { style: 'gap:1rem;flex-wrap:wrap;align-items:flex-start' },
        h('figure', { style: 'margin:0' }, frame ? h('img', { src: frame, alt: t('vision.captured'), style: 'max-width:320px;border:1px solid #ccc' }) : null,
          h('figcaption', t('vision.captured'))),
        h('figure', { style: 'margin:0' }, ref ? h('img', { src: ref, alt: t('vision.reference'), style: 'max-width:240px;border:1px solid #ccc' })
          : h('p.muted', t('vision.noReference')), h('figcaption', t('vision.reference')))),
      h('label', { for: `reason-${c.id}` }, t('vision.decisionReason')), reason,
      enroll ? h('label', enroll, ' ', t('vision.enrollCapture')) : null,
      h('div.actions', h('button.primary', { id: `approve-${c.id}`, onclick: () => decide(true) }, t('vision.approve')),
        h('button', { id: `deny-${c.id}`, onclick: () => decide(false) }, t('vision.deny'))), out);
    return el;
  }

  async function load() {
    const items = await api('/api/proctor/identity-checks');
    document.getElementById('empty')?.remove();
    for (const c of items) {
      if (shown.has(c.id)) continue;
      shown.set(c.id, true);
      list.append(await card(c));
    }
    if (!shown.size && !document.getElementById('empty')) list.append(h('p.muted#empty', t('vision.queueEmpty')));
  }

  main.append(h('h1', t('vision.queueTitle')), h('p', t('vision.queueIntro')), list);
  await load();
  setInterval(() => load().catch(() => {}), POLL_MS);
} });
