// @ts-check
// The review screen of one attempt: camera and screen recordings played in sync on the attempt's clock (one
// scrubber; each video follows it with its own offset from the recording's alignment), the timeline beside
// them (answers, proctoring events, flags, connection drops, suspensions, problem reports, identity check),
// each flag with its explanation and evidence frames; clicking a flag or an event moves both videos there.
// The reviewer confirms or dismisses each flag with a comment and gives the verdict with a reason.
// ?id=<attempt>
import { page, h, t, api, ApiError, problemView, notify, fmtDuration } from '/js/adal.js';
import { VERDICTS, flagName, clock, verdictBadge, scoreBadge, evidenceFigure, describeEntry, openPdf, fmtDate } from '/js/review-common.js';
import { TrackState, VerdictState } from '/js/states.js';

const KINDS = ['CAMERA', 'SCREEN'];

page({ bundles: ['review'], title: 'review.attempt.title', async render(main) {
  const id = new URLSearchParams(location.search).get('id');
  let r = await api(`/api/review/attempts/${id}`);
  let rec = null, recError = null;
  try { rec = await api(`/api/recordings/attempts/${id}`); } catch (e) { recError = e; }

  // ---------------------------------------------------------------- players on one clock
  const players = {};   // kind → { video, zeroMs, duration, off }
  const figures = [];
  for (const kind of KINDS) {
    const k = kind.toLowerCase();
    const track = rec?.tracks.find(x => x.kind === kind);
    const caption = h('figcaption', t('review.track.' + k));
    if (!track || track.state !== TrackState.FINALISED) {
      figures.push(h('figure', caption, h('div.rv-novideo', { id: `no-video-${k}` },
        track ? t('review.track.notReady', { state: t('review.trackState.' + track.state) }) : t('review.track.none'))));
      continue;
    }
    const ticket = await api(`/api/recordings/${track.token}/tickets`, { method: 'POST' });
    const video = h('video', { id: `video-${k}`, src: ticket.url, preload: 'auto', playsinline: true, muted: kind === 'SCREEN',
      'aria-label': t('review.track.' + k) });
    const off = h('div.rv-off', { hidden: true }, t('review.track.notCovered'));
    players[kind] = { video, zeroMs: Date.parse(track.mediaZeroAt), duration: track.durationSeconds || 0, off };
    figures.push(h('figure', caption, video, off));
  }
  const list = Object.values(players);
  const master = players.CAMERA || players.SCREEN;
  const startMs = Math.min(...[Date.parse(r.startedAt || r.finishedAt), ...list.map(p => p.zeroMs)].filter(Number.isFinite));
  const endMs = Math.max(...[Date.parse(r.finishedAt || r.startedAt), ...list.map(p => p.zeroMs + p.duration * 1000)].filter(Number.isFinite));
  const span = Math.max(1000, endMs - startMs);
  const scrubber = h('input#rv-scrubber', { type: 'range', min: '0', max: String(span), step: '100', value: '0',
    'aria-label': t('review.scrubber') });
  const clockOut = h('output.rv-clock#rv-clock', { 'aria-live': 'off' }, clock(new Date(startMs).toISOString()));
  const playBtn = h('button#rv-play', { type: 'button', disabled: !master }, t('review.play'));
  const marks = h('div.rv-marks', { 'aria-hidden': 'true' });
  let shownMs = startMs;

  /** Every video to one attempt-clock instant; a video that has no picture then says so. */
  function seek(ms) {
    shownMs = Math.max(startMs, Math.min(endMs, ms));
    for (const p of list) {
      const want = (shownMs - p.zeroMs) / 1000;
      const d = p.video.duration && Number.isFinite(p.video.duration) ? p.video.duration : p.duration;
      const covered = want >= 0 && want <= d;
      p.off.hidden = covered;
      p.video.currentTime = Math.max(0, Math.min(d, want));
    }
    showClock();
  }
  function showClock() {
    scrubber.value = String(shownMs - startMs);
    clockOut.textContent = clock(new Date(shownMs).toISOString());
    clockOut.dataset.ms = String(shownMs);
  }
  scrubber.addEventListener('input', () => seek(startMs + Number(scrubber.value)));
  playBtn.addEventListener('click', () => {
    if (master.video.paused) {
      for (const p of list) if (p.off.hidden) p.video.play().catch(() => {});
      playBtn.textContent = t('review.pause');
    } else {
      for (const p of list) p.video.pause();
      playBtn.textContent = t('review.play');
    }
  });
  if (master) {
    master.video.addEventListener('timeupdate', () => {
      if (master.video.paused) return;
      shownMs = master.zeroMs + master.video.currentTime * 1000;
      for (const p of list) {
        if (p === master) continue;
        const want = (shownMs - p.zeroMs) / 1000;
        const covered = want >= 0 && want <= (p.video.duration || p.duration);
        p.off.hidden = covered;
        if (covered && Math.abs(p.video.currentTime - want) > 0.3) p.video.currentTime = want;
        if (covered && p.video.paused) p.video.play().catch(() => {});
      }
      showClock();
    });
    master.video.addEventListener('ended', () => { playBtn.textContent = t('review.play'); });
  }

  const player = h('section.card#rv-player', { 'aria-label': t('review.recordings') },
    h('h2', { style: 'margin-top:0' }, t('review.recordings')),
    recError ? (recError instanceof ApiError ? problemView(recError) : h('div.problem', String(recError))) : null,
    h('div.rv-videos', figures),
    h('div.rv-scrub', playBtn, h('div.rv-track', scrubber, marks), clockOut),
    h('p.muted', { style: 'margin:.4rem 0 0' }, t('review.syncNote')));

  // ---------------------------------------------------------------- the rest, redrawn after each decision
  const facts = h('section.card#rv-facts');
  const timeline = h('section.card#rv-timeline-card');
  const flagsBox = h('section.card#rv-flags');
  const verdictBox = h('section.card.rv-verdict#rv-verdict');
  const actions = h('div.actions',
    h('a', { href: '/review/index.html?exam=' + r.examId }, '← ', t('review.queue.title')),
    h('button#rv-report', { type: 'button', onclick: () => openPdf(`/api/review/attempts/${id}/report.pdf`) }, t('review.report')));

  function draw() {
    marks.replaceChildren(...r.flags.map(f => h('span', { style: `left:${(Date.parse(f.startAt) - startMs) / span * 100}%`, title: flagName(f.type) })));
    const idc = r.identity;
    facts.replaceChildren(...[
      r.annulledReason ? h('p.rv-annulled#rv-annulled', { role: 'status' },
        t(r.verdict?.verdict === VerdictState.RESIT ? 'review.result.resit' : 'review.result.annulled'), ' ', r.annulledReason) : null,
      h('dl.rv-facts',
        h('dt', t('review.col.student')), h('dd#rv-student', `${r.studentName} (${r.studentLogin})`),
        h('dt', t('review.col.exam')), h('dd', r.examTitle),
        h('dt', t('review.col.state')), h('dd', t('review.state.' + r.state)),
        h('dt', t('review.col.score')), h('dd', scoreBadge(r.score), ' ', h('span.muted', t('review.score.hint'))),
        h('dt', t('review.started')), h('dd', fmtDate(r.startedAt)),
        h('dt', t('review.finished')), h('dd', fmtDate(r.finishedAt)),
        h('dt', t('review.result')), h('dd#rv-result', r.percent == null ? '—' : `${Number(r.percent).toFixed(2)} % ${r.letter || ''}`),
        h('dt', t('review.paused')), h('dd', fmtDuration(r.pausedSeconds)),
        h('dt', t('review.identity')), h('dd#rv-identity', idc ? `${t('review.identity.' + idc.status)}${idc.reason ? ' (' + idc.reason + ')' : ''}`
          + (idc.similarity != null ? ` · ${Number(idc.similarity).toFixed(2)}` : '') : t('review.identity.none')),
        h('dt', t('review.col.verdict')), h('dd', verdictBadge(r.verdict?.verdict)))].filter(Boolean));

    timeline.replaceChildren(h('h2', { style: 'margin-top:0' }, t('review.timeline')),
      h('ul.rv-timeline#rv-timeline', r.timeline.map(e => h('li', { dataset: { kind: e.kind, at: e.at } },
        h('button', { type: 'button', onclick: () => seek(Date.parse(e.at)), title: t('review.jump') },
          h('span.t', clock(e.at)), h('span.what', describeEntry(e)))))));

    flagsBox.replaceChildren(h('h2', { style: 'margin-top:0' }, t('review.flags'), ' ', h('span.muted', `(${r.flags.length})`)),
      ...(r.flags.length ? r.flags.map((f, i) => flagCard(f, i)) : [h('p.muted', t('review.flags.none'))]));

    const current = r.verdict;
    const out = h('div#verdict-out', { 'aria-live': 'polite' });
    const reason = h('textarea#verdict-reason', { maxlength: '2000', required: true });
    const radios = VERDICTS.map(v => h('label', h('input', { type: 'radio', name: 'verdict', value: v, id: 'verdict-' + v.toLowerCase(),
      checked: current?.verdict === v }), t('review.verdict.' + v)));
    verdictBox.replaceChildren(...[h('h2', { style: 'margin-top:0' }, t('review.verdict')),
      current ? h('p#verdict-current', verdictBadge(current.verdict), ' ', current.reason, ' ',
        h('span.muted', `— ${current.decidedBy || ''}, ${fmtDate(current.decidedAt)}`)) : h('p.muted#verdict-current', t('review.verdict.none')),
      h('p.muted', t('review.verdict.note')),
      h('fieldset', h('legend', t('review.verdict.choose')), radios),
      h('label', { for: 'verdict-reason' }, current ? t('review.verdict.newReason') : t('review.verdict.reason')), reason,
      h('div.actions', h('button.primary#verdict-save', { type: 'button', onclick: async () => {
        out.replaceChildren();
        const chosen = verdictBox.querySelector('input[name=verdict]:checked');
        if (!chosen) { out.append(h('div.problem', { role: 'alert' }, t('review.verdict.pick'))); return; }
        try {
          r = await api(`/api/review/attempts/${id}/verdict`, { method: 'POST',
            body: { verdict: chosen.value, reason: reason.value, version: current ? current.version : null } });
          notify(t('review.saved'), 'ok');
          draw();
        } catch (e) { out.append(e instanceof ApiError ? problemView(e) : h('div.problem', String(e))); }
      } }, t('review.verdict.save'))),
      out,
      r.history.length ? h('div', h('h3', t('review.verdict.history')), h('ol#verdict-history', r.history.map(x =>
        h('li', verdictBadge(x.verdict), ' ', x.reason, ' ', h('span.muted', `— ${x.decidedBy || ''}, ${fmtDate(x.decidedAt)}`))))) : null]
      .filter(Boolean));
  }

  function flagCard(f, i) {
    const d = f.decision;
    const comment = h('textarea.rv-comment', { id: `flag-comment-${i}`, maxlength: '2000', 'aria-label': t('review.flag.comment') });
    const out = h('div', { 'aria-live': 'polite' });
    async function decide(decision) {
      out.replaceChildren();
      try {
        r = await api(`/api/review/attempts/${id}/flags/${encodeURIComponent(f.key)}`, { method: 'PUT',
          body: { decision, comment: comment.value, version: d ? d.version : null } });
        notify(t('review.saved'), 'ok');
        draw();
      } catch (e) { out.append(e instanceof ApiError ? problemView(e) : h('div.problem', String(e))); }
    }
    return h('article.rv-flag', { id: `flag-${i}`, dataset: { key: f.key, type: f.type, severity: f.severity, decision: d ? d.decision : 'NONE' } },
      h('h3', flagName(f.type), h('span.badge.' + (f.severity === 'HIGH' ? 'bad' : 'warn'), t('review.severity.' + f.severity)),
        h('button.link.rv-jump', { type: 'button', onclick: () => seek(Date.parse(f.startAt)) },
          `${clock(f.startAt)} – ${f.endAt ? clock(f.endAt) : '…'} (${fmtDuration(f.seconds)})`)),
      h('p.muted', { style: 'margin:.2rem 0' }, t('review.flag.explain.' + f.type), f.detailText ? ` — ${f.detailText}` : ''),
      f.evidence.length ? h('div.rv-evidence', f.evidence.map(e => evidenceFigure(id, e, t('review.evidence.alt', { flag: flagName(f.type), at: clock(e.at) }))))
        : h('p.muted', t('review.evidence.none')),
      d ? h('p.rv-decision', h('strong', t('review.decision.' + d.decision)), ` — ${d.comment} `,
        h('span.muted', `(${d.decidedBy || ''}, ${fmtDate(d.decidedAt)})`)) : h('p.rv-decision.muted', t('review.decision.none')),
      h('div.rv-decide', h('div', h('label', { for: `flag-comment-${i}` }, d ? t('review.flag.changeComment') : t('review.flag.comment')), comment),
        h('button.rv-confirm', { type: 'button', onclick: () => decide('CONFIRMED') }, t('review.flag.confirm')),
        h('button.rv-dismiss', { type: 'button', onclick: () => decide('DISMISSED') }, t('review.flag.dismiss'))),
      out);
  }

  main.append(h('h1', t('review.attempt.title')), actions, facts,
    h('div.rv-layout', h('div', player, flagsBox), h('div', timeline, verdictBox)));
  draw();
  if (master) seek(master.zeroMs); else showClock();
} });
