// @ts-check
// A minimal review player: camera and screen side by side, kept in step on the attempt's clock, the thumbnail
// strips, "jump to" by clock time (the server's offset endpoint: a flag at 10:23:10 opens there) or by media
// time, the gaps and the interruptions. ?attempt=<id>[&at=<ISO instant>]. Casework builds the review screen on it.
import { page, h, api, ApiError, problemView, fmtDate, fmtTime } from '/js/adal.js';
import { loadRecordingMessages, tr, ensureRecordingCss } from '/js/recording-i18n.js';
import { TrackState } from '/js/states.js';

const KINDS = ['CAMERA', 'SCREEN'];

function mmss(seconds) {
  const s = Math.max(0, Math.round(seconds)), hh = Math.floor(s / 3600), mm = Math.floor(s % 3600 / 60), ss = s % 60;
  const p = n => String(n).padStart(2, '0');
  return hh > 0 ? `${hh}:${p(mm)}:${p(ss)}` : `${p(mm)}:${p(ss)}`;
}
function parseMmss(text) {
  const parts = text.trim().split(':').map(Number);
  if (!parts.length || parts.some(n => !Number.isFinite(n) || n < 0)) return null;
  return parts.reduce((acc, n) => acc * 60 + n, 0);
}
const clockText = ms => fmtTime(ms);

page({ bundles: [], async render(main) {
  await loadRecordingMessages();
  ensureRecordingCss();
  document.title = `${tr('review.title')} — Adal`;
  const params = new URLSearchParams(location.search);
  const attemptId = params.get('attempt');
  const rec = await api(`/api/recordings/attempts/${attemptId}`);

  const players = {};   // kind → { video, zeroMs, track }
  const status = h('p#player-clock', { 'aria-live': 'polite' });
  const out = h('div', { 'aria-live': 'polite' });

  async function figure(kind) {
    const track = rec.tracks.find(t => t.kind === kind);
    const caption = h('figcaption', tr('review.' + kind.toLowerCase()));
    if (!track || track.state !== TrackState.FINALISED) {
      return h('figure', caption, h('div.policy', { id: `not-ready-${kind.toLowerCase()}` },
        track ? tr('review.notReady', { state: tr('rec.trackState.' + track.state), at: fmtDate(track.finaliseDueAt) }) : tr('review.noTrack')));
    }
    const ticket = await api(`/api/recordings/${track.token}/tickets`, { method: 'POST' });
    const video = h('video', { id: `video-${kind.toLowerCase()}`, src: ticket.url, preload: 'metadata', controls: true,
      muted: kind === 'SCREEN', playsinline: true, 'aria-label': tr('review.' + kind.toLowerCase()) });
    players[kind] = { video, zeroMs: Date.parse(track.mediaZeroAt), track };
    const strip = h('div.strip', { role: 'group', 'aria-label': tr('review.thumbs', { kind: tr('review.' + kind.toLowerCase()) }) });
    if (track.thumbnails && ticket.thumbnailsUrl) {
      const index = await api(`/api/recordings/${track.token}/thumbnails.json`);
      const scale = 0.6;
      for (const tile of index.tiles) {
        strip.append(h('button', { type: 'button', title: mmss(tile.seconds), 'aria-label': tr('review.openAt', { t: mmss(tile.seconds) }),
          dataset: { seconds: String(tile.seconds) },
          style: `width:${index.tileWidth * scale}px;height:${index.tileHeight * scale}px;background-image:url("${ticket.thumbnailsUrl}");`
            + `background-position:-${tile.x * scale}px -${tile.y * scale}px;background-size:${index.columns * index.tileWidth * scale}px auto`,
          onclick: () => seekClock(players[kind].zeroMs + tile.seconds * 1000) }));
      }
    }
    return h('figure', caption, video, strip);
  }

  /** Every video to the same attempt-clock instant (each track started at its own moment). */
  function seekClock(ms) {
    for (const p of Object.values(players)) {
      const d = p.video.duration || p.track.durationSeconds || 0;
      p.video.currentTime = Math.max(0, Math.min(d, (ms - p.zeroMs) / 1000));
    }
    showClock(ms);
  }
  function showClock(ms) {
    const m = master();
    status.textContent = tr('review.shown', { clock: clockText(ms), media: mmss(m ? (ms - m.zeroMs) / 1000 : 0) });
    status.dataset.media = m ? ((ms - m.zeroMs) / 1000).toFixed(2) : '';
    for (const p of Object.values(players)) {
      const at = (ms - p.zeroMs) / 1000;
      p.video.parentElement.querySelectorAll('.strip button').forEach(b => {
        const s = Number(b.dataset.seconds);
        b.setAttribute('aria-current', String(at >= s && at < s + 10));
      });
    }
  }
  const master = () => players.CAMERA || players.SCREEN;

  const figures = [];
  for (const kind of KINDS) figures.push(await figure(kind));

  // keep the other video in step with the master (camera) on the attempt clock
  const m = master();
  if (m) {
    const others = () => Object.values(players).filter(p => p !== m);
    m.video.addEventListener('play', () => others().forEach(p => p.video.play().catch(() => {})));
    m.video.addEventListener('pause', () => others().forEach(p => p.video.pause()));
    m.video.addEventListener('timeupdate', () => {
      const ms = m.zeroMs + m.video.currentTime * 1000;
      for (const p of others()) {
        const want = (ms - p.zeroMs) / 1000;
        if (Math.abs(p.video.currentTime - want) > 0.4 && want >= 0 && want <= (p.video.duration || Infinity)) p.video.currentTime = want;
      }
      showClock(ms);
    });
  }

  const clockInput = h('input#jump-clock', { type: 'time', step: '1' });
  const mediaInput = h('input#jump-media', { type: 'text', inputmode: 'numeric', placeholder: '00:23:10', size: '9' });
  async function jumpClock() {
    out.replaceChildren();
    if (!clockInput.value || !rec.startedAt) return;
    const day = new Date(rec.startedAt);
    const [hh, mi, ss = 0] = clockInput.value.split(':').map(Number);
    const at = new Date(day.getFullYear(), day.getMonth(), day.getDate(), hh, mi, ss);
    await openAt(at.toISOString());
  }
  async function openAt(iso) {
    try {
      const r = await api(`/api/recordings/attempts/${attemptId}/offset?at=${encodeURIComponent(iso)}`);
      for (const t of r.tracks) if (players[t.kind]) players[t.kind].video.currentTime = t.offsetSeconds;
      showClock(Date.parse(iso));
    } catch (e) { out.replaceChildren(e instanceof ApiError ? problemView(e) : h('div.problem', String(e))); }
  }
  function jumpMedia() {
    const s = parseMmss(mediaInput.value);
    if (s === null || !m) { out.replaceChildren(h('div.problem', { role: 'alert' }, tr('review.badTime'))); return; }
    out.replaceChildren();
    seekClock(m.zeroMs + s * 1000);
  }

  const gaps = rec.tracks.flatMap(t => (t.gaps || []).map(g => ({ ...g, kind: t.kind })));
  main.append(
    h('h1', tr('review.title')),
    h('div.card',
      h('dl.consent', { style: 'display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0' },
        h('dt', tr('review.exam')), h('dd', rec.examTitle || '—'),
        h('dt', tr('review.student')), h('dd', rec.studentName || '—'),
        h('dt', tr('review.started')), h('dd', fmtDate(rec.startedAt)),
        h('dt', tr('review.finished')), h('dd', fmtDate(rec.finishedAt)))),
    h('section.card', { 'aria-label': tr('review.title') },
      h('div.player', figures),
      status,
      h('div.player-controls',
        h('label', { for: 'jump-clock' }, tr('review.jumpClock'), clockInput),
        h('button#jump-clock-go', { onclick: jumpClock }, tr('review.go')),
        h('label', { for: 'jump-media' }, tr('review.jumpMedia'), mediaInput),
        h('button#jump-media-go', { onclick: jumpMedia }, tr('review.go'))),
      out),
    h('section.card',
      h('h2', { style: 'margin-top:0' }, tr('review.gaps')),
      gaps.length ? h('ul.gap-list#gaps', gaps.map(g => h('li', `${tr('review.' + g.kind.toLowerCase())}: `,
        tr('review.gap.' + g.cause, { from: mmss(g.fromSeconds), to: mmss(g.toSeconds), len: Math.max(0, g.toSeconds - g.fromSeconds).toFixed(1) }))))
        : h('p#gaps', tr('review.noGaps')),
      h('h2', tr('review.interruptions')),
      rec.interruptions.length ? h('ul.event-list#interruptions', rec.interruptions.map(i => h('li',
        `${fmtDate(i.receivedAt)} — ${tr('review.' + i.kind.toLowerCase())}: ${tr('review.reason.' + i.reason)}${i.detail ? ' (' + i.detail + ')' : ''} `,
        m ? h('button.link', { onclick: () => seekClock(Date.parse(i.receivedAt)) }, tr('review.open')) : null)))
        : h('p', tr('review.none'))));

  if (params.get('at')) await openAt(params.get('at'));
  else if (m) showClock(m.zeroMs);
} });
