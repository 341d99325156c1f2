// @ts-check
// The consent step of the pre-exam check (Law No. 94-V; purpose 002 §1.15; recording 003 §16, 001 §5.17.2;
// conduct rules 001 §6.13). Loaded by check.html with one line; it adds its card above the start button and
// holds the start until the student decided. A refusal is recorded, the teacher and dean are told, and the
// institution's alternative sitting is shown — never a fail. The server's "consent" start gate is the rule;
// this page only explains it.
import { api, ApiError, h, problemView, fmtDate } from '/js/adal.js';
import { loadRecordingMessages, tr, ensureRecordingCss } from '/js/recording-i18n.js';

const examId = new URLSearchParams(location.search).get('exam');
let view = null;
let card = null;

function waitFor(selector) {
  return new Promise(resolve => {
    const found = () => document.querySelector(selector);
    if (found()) { resolve(found()); return; }
    const obs = new MutationObserver(() => { if (found()) { obs.disconnect(); resolve(found()); } });
    obs.observe(document.body, { childList: true, subtree: true });
  });
}

function decidedText() {
  if (view.decision === 'GRANTED') return tr('consent.granted', { at: fmtDate(view.decidedAt) });
  if (view.decision === 'REFUSED') return tr('consent.refused', { at: fmtDate(view.decidedAt) });
  return tr('consent.pending');
}

function draw(out) {
  const rules = h('input#consent-rules', { type: 'checkbox', checked: view.decision === 'GRANTED' && view.rulesAcknowledged });
  const status = h('p#consent-status.decided', { 'aria-live': 'polite', dataset: { decision: view.decision || 'NONE' } }, decidedText());
  const result = h('div#consent-result', { 'aria-live': 'polite' }, out || null);
  const alternative = view.decision === 'REFUSED'
    ? h('div.policy#consent-alternative', { role: 'status' }, h('strong', tr('consent.alternativeTitle')), view.alternativeSitting,
      h('p', { style: 'margin:.4rem 0 0' }, tr('consent.refusalNotFail')))
    : null;
  card.replaceChildren(...[
    h('h2#consent-heading', { style: 'margin-top:0', tabindex: '-1' }, tr('consent.title')),
    h('p', tr('consent.intro')),
    h('dl',
      h('dt', tr('consent.whatTitle')), h('dd', h('ul', { style: 'margin:0' }, h('li', tr('consent.what.camera')), h('li', tr('consent.what.screen')))),
      h('dt', tr('consent.whyTitle')), h('dd', tr('consent.why')),
      h('dt', tr('consent.howLongTitle')), h('dd', tr('consent.howLong', { days: view.retentionDays })),
      h('dt', tr('consent.whoTitle')), h('dd', tr('consent.who')),
      h('dt', tr('consent.liveTitle')), h('dd#consent-live', tr('consent.live'))),
    h('h3', tr('consent.rulesTitle')),
    h('ul', ...['tidy', 'background', 'alone', 'pets', 'materials', 'stay'].map(k => h('li', tr('consent.rule.' + k)))),
    h('p.muted', tr('consent.rulesConsequence')),
    h('label', { for: 'consent-rules', style: 'font-weight:600' }, rules, ' ', tr('consent.acknowledge')),
    status, alternative, result,
    h('div.actions',
      h('button.primary#consent-grant', { onclick: () => decide('GRANTED', rules.checked) }, tr('consent.grant')),
      h('button#consent-refuse', { onclick: () => decide('REFUSED', rules.checked) }, tr('consent.refuse')))].filter(Boolean));
}

async function decide(decision, rulesAcknowledged) {
  if (decision === 'GRANTED' && !rulesAcknowledged) {
    draw(h('div.problem', { role: 'alert' }, tr('consent.needRules')));
    card.querySelector('#consent-rules').focus();
    return;
  }
  try {
    view = await api(`/api/exams/${examId}/recording-consent`, { method: 'PUT',
      body: { decision, rulesAcknowledged, noticeVersion: view.noticeVersion } });
    draw(decision === 'GRANTED' ? h('div.okbox', { role: 'status' }, tr('consent.thanks')) : null);
  } catch (e) {
    draw(e instanceof ApiError ? problemView(e) : h('div.problem', { role: 'alert' }, String(e)));
  }
}

async function main() {
  if (!examId) return;
  const start = await waitFor('#start');
  await loadRecordingMessages();
  ensureRecordingCss();
  try {
    view = await api(`/api/exams/${examId}/recording-consent`);
  } catch { return; }
  if (!view.proctored) return;
  card = h('section.card.consent#consent', { 'aria-labelledby': 'consent-heading' });
  (start.closest('.card') || start).before(card);
  draw();
  // hold the start until the student decided (the server's gate refuses anyway; this explains why)
  document.addEventListener('click', e => {
    if (!view.required || view.decision === 'GRANTED' || !(e.target instanceof Element && e.target.closest('#start'))) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    draw(h('div.problem', { role: 'alert' }, tr(view.decision === 'REFUSED' ? 'consent.startRefused' : 'consent.startNeedsConsent')));
    card.querySelector('#consent-heading').focus();
  }, true);
}

main().catch(e => console.error('consent', e));
