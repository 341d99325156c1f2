// @ts-check
// Shared by the student pages: the server's clock, durations, the device's screen-sharing ability.
import { t, h, api } from '/js/adal.js';

/**
 * The server owns the clock. The browser's Date may be hours off: we keep only the offset between
 * the server's `serverNow` and the local clock, measured around the request, and count from that.
 */
export class ServerClock {
  constructor() { this.offset = 0; }
  /** Call with the local time before the request, the server's time in the answer, and the local time after. */
  sync(localBefore, serverNowIso, localAfter = Date.now()) {
    if (!serverNowIso) return;
    this.offset = Date.parse(serverNowIso) - (localBefore + localAfter) / 2;
  }
  now() { return Date.now() + this.offset; }
  /** Milliseconds until an ISO instant on the server's clock (never negative). */
  until(iso) { return Math.max(0, Date.parse(iso) - this.now()); }
}

/** 3725000 → "1:02:05"; 65000 → "01:05". */
export function clockText(ms) {
  const s = Math.ceil(ms / 1000), hh = Math.floor(s / 3600), mm = Math.floor(s % 3600 / 60), ss = s % 60;
  const p = n => String(n).padStart(2, '0');
  return hh > 0 ? `${hh}:${p(mm)}:${p(ss)}` : `${p(mm)}:${p(ss)}`;
}

/** A countdown in words: "2 d 3 h", "1 h 5 min", "4 min 10 s". */
export function spanText(ms) {
  const s = Math.ceil(ms / 1000), d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60), sec = s % 60;
  if (d > 0) return t('student.span.dh', { d, h });
  if (h > 0) return t('student.span.hm', { h, m });
  return t('student.span.ms', { m, s: sec });
}

/**
 * Proctoring watches the screen; mobile browsers cannot share it (000 §4.6). The policy is shown
 * wherever the exam is listed, from the moment it is listed, never only at the start.
 */
export function canShareScreen() {
  return !!(navigator.mediaDevices && typeof navigator.mediaDevices.getDisplayMedia === 'function');
}

export const LETTERS = ['A', 'B', 'C', 'D', 'E'];

/**
 * Downloads the server-signed receipt over the student's answers as stored (kz.adal.attempt.AnswerReceipt):
 * a JSON file the student keeps; docs/reliability.md says how anyone verifies it.
 */
export function receiptButton(attemptId) {
  return h('button#receipt', { type: 'button', onclick: async () => {
    const r = await api(`/api/attempts/${attemptId}/receipt`);
    const url = URL.createObjectURL(new Blob([JSON.stringify(r, null, 2)], { type: 'application/json' }));
    const a = h('a', { href: url, download: `adal-receipt-${attemptId}.json` });
    document.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } }, t('student.receipt.download'));
}
