// @ts-check
// Shared by the review pages: names of flags and verdicts, authorised downloads and evidence images.
import { h, t, api, fmtDate, fmtTime } from '/js/adal.js';
import { VerdictState } from '/js/states.js';

export const FLAG_TYPES = ['TAB_LEFT', 'FULLSCREEN_EXITED', 'CLIPBOARD_USED', 'FORBIDDEN_SHORTCUT', 'WINDOW_SHRUNK', 'SECOND_SCREEN',
  'SCREEN_SHARE_STOPPED', 'CAMERA_LOST', 'RECORDING_STOPPED', 'MICROPHONE_LOST', 'DISCONNECTED', 'CAMERA_BLOCKED', 'FACE_MISSING',
  'MULTIPLE_FACES', 'FACE_MISMATCH', 'LOOKING_AWAY'];
export const VERDICTS = ['VALID', 'ANNULLED', 'RESIT'];

export const flagName = type => t('review.flag.' + type);
/** A moment's time of day in the institution's zone, with seconds (evidence is read to the second). */
export const clock = iso => fmtTime(iso);

/** A badge for a verdict state; the word is always there (never colour alone). */
export function verdictBadge(v) {
  const state = v || VerdictState.UNREVIEWED;
  const kind = state === VerdictState.VALID ? 'ok' : state === VerdictState.UNREVIEWED ? '' : 'bad';
  return h('span.badge' + (kind ? '.' + kind : ''), { dataset: { verdict: state } }, t('review.verdict.' + state));
}

export function scoreBadge(score) {
  return h('span.badge.rv-score.' + (score < 70 ? 'bad' : score < 90 ? 'warn' : 'ok'), { title: t('review.score.hint') }, String(score));
}

/** Downloads an API file with the bearer token (a plain link cannot send it). */
export async function download(path, filename) {
  const r = await api(path, { raw: true });
  const url = URL.createObjectURL(await r.blob());
  const a = h('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

/** Opens an API PDF in a new tab with the bearer token. */
export async function openPdf(path) {
  const r = await api(path, { raw: true });
  window.open(URL.createObjectURL(await r.blob()), '_blank');
}

/** An evidence frame: fetched with the token, shown with its time. */
export function evidenceFigure(attemptId, e, alt) {
  const img = h('img', { alt, loading: 'lazy', dataset: { snapshot: e.id } });
  api(`/api/review/attempts/${attemptId}/snapshots/${e.id}`, { raw: true })
    .then(r => r.blob()).then(b => { img.src = URL.createObjectURL(b); })
    .catch(() => { img.alt = t('review.evidence.missing'); });
  return h('figure', img, h('figcaption', clock(e.at)));
}

export function describeEntry(e) {
  const label = t('review.event.' + e.kind);
  // an event this page has no name for is "other event", never its code (camera.ended)
  const base = label === 'review.event.' + e.kind ? t('review.event.other') : label;
  if (e.kind === 'flag.raised') return `${base}: ${flagName(e.text)}`;
  // positions are stored from 0; the student saw the questions numbered from 1
  if (e.kind === 'answer.saved') return t('review.event.answer', { n: Number(e.data?.position ?? e.text) + 1 });
  if (e.kind === 'attempt.ended') {
    const why = e.text && e.text.includes(': ') ? e.text.slice(e.text.indexOf(': ') + 2) : '';
    return `${base}: ${t('review.state.' + e.data.state)}${why ? ' — ' + why : ''}`;
  }
  if (e.kind === 'identity.check') return `${base}: ${t('review.identity.' + e.text)}`;
  if (e.kind === 'attempt.finished') return `${base}: ${t('review.state.' + e.data.state)}`;
  // a stopped recording's reason is a code (DENIED): its words, or nothing rather than the code
  if (e.kind === 'recording.stopped' || e.kind === 'recording.resumed') {
    const why = e.data?.reason ? t('review.recordingReason.' + e.data.reason) : '';
    return why && !why.startsWith('review.') ? `${base}: ${why}` : base;
  }
  return e.text ? `${base}: ${e.text}` : base;
}

export { fmtDate };
