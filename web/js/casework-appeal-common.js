// @ts-check
// Shared by the appeal and absence pages: deadlines, badges, files.
import { h, t, api, fmtDate, fmtDay } from '/js/adal.js';
import { AppealDecision, AppealSeat, AppealState } from '/js/states.js';

export function base64(buffer) {
  let s = '';
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Downloads a protected file with the token and saves it under its name. */
export async function download(path, name) {
  const r = await api(path, { raw: true });
  const url = URL.createObjectURL(await r.blob());
  const a = h('a', { href: url, download: name || 'document' });
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A day of the casework calendar: the one formatter in adal.js (own month names; no browser locale data). */
export { fmtDay };

export const stateBadge = (prefix, state, kind = '') => h('span.badge' + (kind ? '.' + kind : ''), { dataset: { state } }, t(prefix + state));

/** The deadlines of an appeal, with overdue ones highlighted. */
export function deadlines(a) {
  const d = a.deadlines || {};
  if (d.calendarProblem) return h('div.problem', { role: 'alert' }, t('appeal.calendarMissing'), h('div.muted', d.calendarProblem));
  return h('dl.deadlines',
    h('dt', t('appeal.hearingDue')),
    h('dd', { class: d.hearingOverdue ? 'overdue' : '' }, h('strong.hearing-due', { dataset: { date: d.hearingDueOn } }, fmtDay(d.hearingDueOn)),
      d.hearingOverdue ? [' ', h('span.badge.bad', t('appeal.overdue'))] : null),
    h('dt', t('appeal.resultDue')),
    h('dd', { class: d.resultOverdue ? 'overdue' : '' }, h('span.result-due', fmtDay(d.resultDueOn)),
      d.resultDueProjected && a.state !== AppealState.DECIDED ? h('span.muted', ' ' + t('appeal.ifHeardOnDue')) : null,
      d.resultOverdue ? [' ', h('span.badge.bad', t('appeal.overdue'))] : null));
}

export function decisionBlock(a) {
  if (a.state !== AppealState.DECIDED) return null;
  return h('div', { class: a.decision === AppealDecision.UPHELD ? 'okbox decision' : 'card decision' },
    h('strong', t('appeal.decision.' + a.decision)), h('p', a.decisionNote),
    a.gradeChange ? h('p.grade-change', t('appeal.gradeChanged', { before: a.gradeChange.before, after: a.gradeChange.after })) : null,
    h('p.muted', t(a.signedAs === AppealSeat.DEPUTY_CHAIR ? 'appeal.signedDeputy' : 'appeal.signedChair', { name: a.signedByName, at: fmtDate(a.decidedAt) })),
    h('p', h('button.link.decision-pdf', { type: 'button', onclick: () => download(`/api/appeals/${a.id}/decision.pdf`, `appeal-decision-${a.id}.pdf`) },
      t('appeal.decisionPdf'))));
}

/** The answer receipt filed with the appeal, checked by the server against the answers stored now. */
export function receiptBlock(a) {
  const r = a.receipt;
  if (!r) return null;
  const good = r.match === 'MATCHES';
  return h('div', { class: (good ? 'okbox' : 'problem') + ' receipt-check', dataset: { match: r.match } },
    h('strong', t('appeal.receipt.' + r.match, { at: r.issuedAt ? fmtDate(r.issuedAt) : '—' })),
    r.receiptSha256 ? h('p.muted.hashes', t('appeal.receipt.hashes', { receipt: r.receiptSha256.slice(0, 16) + '…', stored: r.storedSha256.slice(0, 16) + '…' })) : null);
}
