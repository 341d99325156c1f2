// @ts-check
// The oral-exam room (001 §6.15.6): one page that adapts to the viewer's role in this sitting
// (student, member, chair, technical secretary, head of department), kept in step over a WebSocket.
import { page, h, t, api, ApiError, notify, problemView, token, fmtDate, fmtDay, fmtDuration } from '/js/adal.js';
import { verifyDraw } from '/js/oral-verify.js';
import { createMesh } from '/js/oral-mesh.js';
import { reconnectingSocket } from '/js/reconnecting-socket.js';
import { TrackState, TurnStage } from '/js/states.js';

const params = new URLSearchParams(location.search);
const sittingId = params.get('sitting');

/** @type {any} the last room state from the server */
let view = null;
let offset = 0;           // server time − local time, in ms (timers never trust the local clock)
/** @type {ReturnType<typeof reconnectingSocket>|null} the room socket (reconnecting-socket.js) */
let socket = null;
let connected = false;
/** @type {MediaStream|null} this page's camera and microphone, once opened (see camera()) */
let ownStream = null;
/** @type {Promise<MediaStream>|null} the one getUserMedia call of this page */
let cameraOpening = null;
let animating = false;    // a draw animation is running
/** @type {any} GET …/video: Jitsi, or the built-in mesh's ICE servers and budget */
let videoCfg = null;
/** @type {ReturnType<typeof createMesh>|null} the built-in video room (oral-mesh.js) */
let mesh = null;
/** @type {string|null} this page's socket, as the server names it */
let connectionId = null;
/** @type {Map<string, any>} userId → last rtc.status (mute state, what that page receives) */
const rtcStatus = new Map();
/** @type {Map<string, any>} key → element, so forms survive state updates */
const kept = new Map();

const has = r => view?.myRoles?.includes(r);
const isStaff = () => ['CHAIR', 'MEMBER', 'SECRETARY', 'HEAD'].some(has);

page({ bundles: ['oral'], title: 'oral.room', async render(main) {
  if (!sittingId) { main.append(h('div.problem', { role: 'alert' }, t('oral.noSitting'))); return; }
  applyState(await api(`/api/oral/sittings/${sittingId}`), main);
  connect(main);
  tick();
} });

// ---------------------------------------------------------------- socket
/** The room socket (reconnecting-socket.js: hello, back-off, offline, signed out). */
function connect(main) {
  socket = reconnectingSocket({
    path: `/ws/oral/${sittingId}`,
    hello: () => ({ type: 'auth', token: token(), sittingId }),
    onMessage: msg => onMessage(msg, main),
    onClose(code) {
      connected = false; status();
      if (code === 4403 || code === 4404) { notify(t('oral.refused'), 'error'); return false; }
      return true;
    },
    // the REST call refreshes an expired token first, and brings the room's state up to date
    beforeReconnect: () => api(`/api/oral/sittings/${sittingId}`).then(v => applyState(v, main)),
  });
  socket.connect();
}

function onMessage(msg, main) {
  if (msg.type === 'welcome') {
    socket.settled();
    connected = true; offset = Date.parse(msg.serverTime) - Date.now(); status();
    connectionId = msg.connectionId; if (mesh) mesh.joined = false; joinVideo();
  }
  else if (msg.type === 'rtc.status') { rtcStatus.set(msg.userId, { ...msg, at: Date.now() }); renderPeople(); renderLinkStatus(); }
  else if (msg.type === 'rtc.leave') { rtcStatus.delete(msg.userId); mesh?.handle(msg); renderPeople(); renderLinkStatus(); }
  else if (msg.type.startsWith('rtc.')) mesh?.handle(msg).catch(err => console.warn('rtc', err));
  else if (msg.type === 'state') applyState(msg.view, main);
  else if (msg.type === 'draw') animateDraw(msg.draw);
  else if (msg.type === 'snapshot.request') sendSnapshot(msg.turnId, msg.kind);
  else if (msg.type === 'error') notify(msg.message, 'error');
}

/** Sends on the room socket (false while it is down: nothing is queued). */
function send(msg) {
  return !!socket && socket.send({ ...msg, sittingId });
}

function status() {
  const el = document.getElementById('conn');
  if (!el || el.dataset.connected === String(connected)) return;
  el.dataset.connected = String(connected);
  el.className = 'badge ' + (connected ? 'ok' : 'bad');
  el.textContent = t(connected ? 'oral.connected' : 'oral.disconnected');
}

// ---------------------------------------------------------------- state → page
function applyState(v, main) {
  const previous = view;
  view = v;
  offset = Date.parse(v.serverTime) - Date.now();
  if (!main.querySelector('#room')) build(main);
  renderPeople();
  renderTurns();
  renderCurrent(previous);
  status();
  if (has('STUDENT') && !isStaff()) recording();
  joinVideo();
  renderLinkStatus();
}

/** The staff see whether every grader receives the current student's sound and picture (the answer needs it). */
function renderLinkStatus() {
  const el = document.getElementById('link-status');
  if (!el || !view) return;
  const turn = current();
  if (!turn || !isStaff() || ![TurnStage.CHECKED, TurnStage.PREPARING, TurnStage.PREPARED, TurnStage.ANSWERING, TurnStage.ANSWER_PAUSED].includes(turn.stage)) {
    if (el.firstChild) el.replaceChildren();
    delete el.dataset.ok; delete el.dataset.shown; return;
  }
  const fresh = id => { const st = rtcStatus.get(id); return st && Date.now() - st.at < 8000 ? st : null; };
  const without = view.commission.filter(p => p.role !== 'SECRETARY')
    .filter(g => !(fresh(g.id)?.peers || []).some(p => p.userId === turn.studentId && p.audio && p.video));
  const text = without.length ? t('oral.link.without', { names: without.map(p => p.name).join(', ') }) : t('oral.link.all');
  if (el.dataset.shown === text) return;   // a report every few seconds from every page: redraw on a change only
  el.dataset.shown = text;
  el.dataset.ok = String(!without.length);
  el.replaceChildren(h(without.length ? 'p.warnbox' : 'p.okbox', text));
}

// ---------------------------------------------------------------- recording the turn (issue 8)
// The student is told that camera and microphone are recorded and acknowledges it; then recorder.js records
// this turn through the media pipeline (chunks queued in IndexedDB until acknowledged) until the answer ends.
const RECORDED_STAGES = ['WAITING', 'CHECKED', 'PREPARING', 'PREPARED', 'ANSWERING'];
let recTurn = null;        // the turn whose notice/recording this page handles
let recStarted = false;
let recLoading = false;
let recordingKbps = 0;     // what the turn's recording uploads, taken off the room's upstream budget
/**
 * The turn's recording, video part, at most (bit/s): media's camera default (200 kbit/s) is for an exam, where the
 * recording has the link to itself; here it shares the student's 512 kbit/s (000 §4.6) with five copies of the
 * camera to the commission. 320×240 at 10 frames a second in VP8 stays legible at this rate.
 */
const RECORDING_VIDEO_BPS = 96000;

/** The room's share of this page's upstream: the configured budget less the recording's upload, never below 150 kbit/s. */
function meshUpstream() {
  return Math.max(150, (videoCfg?.upstreamKbps || 460) - recordingKbps);
}

async function recording() {
  const box = document.getElementById('recording-notice');
  if (!box) return;
  const turn = view.turns.find(x => RECORDED_STAGES.includes(x.stage));
  if (!turn) { if (recStarted) window.dispatchEvent(new Event('adal:recording-check')); if (!recStarted) box.replaceChildren(); return; }
  if (recStarted || recLoading || recTurn === turn.id) return;
  recLoading = true;
  try {
    const plan = await api(`/api/oral/turns/${turn.id}/recording`);
    recTurn = turn.id;
    if (plan.noticeAt) startRecording(turn.id, plan, box);
    else showNotice(turn.id, box);
  } catch (e) {
    box.replaceChildren(problemView(e));
  } finally {
    recLoading = false;
  }
}

function showNotice(turnId, box) {
  box.replaceChildren(h('div.notice#recording-ask', { role: 'region', 'aria-labelledby': 'rec-h' },
    h('h3#rec-h', t('oral.rec.title')), h('p', t('oral.rec.notice')),
    h('button.primary#recording-ack', { onclick: async e => {
      e.target.disabled = true;
      try {
        startRecording(turnId, await api(`/api/oral/turns/${turnId}/recording/notice`, { method: 'POST' }), box);
      } catch (err) {
        e.target.disabled = false;
        notify(err.message, 'error');
      }
    } }, t('oral.rec.ack'))));
}

async function startRecording(turnId, plan, box) {
  recStarted = true;
  // the recording's upload shares the student's link with the video room (000 §4.6: 512 kbit/s in all)
  const capped = c => c && { ...c, videoBitsPerSecond: Math.min(c.videoBitsPerSecond || RECORDING_VIDEO_BPS, RECORDING_VIDEO_BPS) };
  const cam = capped(plan.media?.camera) || {};
  recordingKbps = Math.round(((cam.videoBitsPerSecond || 0) + (cam.audioBitsPerSecond || 0)) / 1000);
  mesh?.setUpstream(meshUpstream());
  box.replaceChildren(h('p.muted#recording-told', t('oral.rec.acked', { time: fmtDate(plan.noticeAt) })));
  window.adalRecordingTarget = {
    key: 'oral-turn:' + turnId, base: `/api/oral/turns/${turnId}`, kinds: ['camera'], mount: '#video-card',
    normalise: p => ({ required: true, running: p.record, timesliceMs: p.media.timesliceMs, camera: capped(p.media.camera),
      tracks: p.media.tracks }),
    cameraStream: roomRecordingStream,
  };
  await import('/js/recorder.js');
}

// The record of the sitting holds the commission's questions too (issue 14): the student's camera with the room's
// audio mixed in this browser (WebAudio: the own microphone and every remote participant's audio as they come
// and go). The recorder gets clones, so stopping it never stops the video room.
const roomMix = { ctx: null, dest: null, sources: new Map() };

async function roomRecordingStream(c) {
  await camera();
  if (!roomMix.ctx) {
    roomMix.ctx = new AudioContext();
    roomMix.dest = roomMix.ctx.createMediaStreamDestination();
    mixIn('self', ownStream);
    document.querySelectorAll('#tiles figure[data-conn] video').forEach(/** @param {HTMLVideoElement} v */ v => {
      if (v.srcObject instanceof MediaStream) mixIn(v.closest('figure').dataset.conn, v.srcObject);
    });
  }
  if (roomMix.ctx.state !== 'running') {
    await Promise.race([roomMix.ctx.resume().catch(() => {}), new Promise(r => setTimeout(r, 1000))]);
  }
  // a suspended audio context gives no samples and would stall the recorder: then the own camera and microphone
  if (roomMix.ctx.state !== 'running') return new MediaStream(ownStream.getTracks().map(t => t.clone()));
  const video = ownStream.getVideoTracks()[0].clone();
  video.applyConstraints({ width: { ideal: c.width }, height: { ideal: c.height }, frameRate: { ideal: c.frameRate, max: c.frameRate } }).catch(() => {});
  return new MediaStream([video, roomMix.dest.stream.getAudioTracks()[0].clone()]);
}

/** One participant's audio into the recording's mix (or out of it when their page left). */
function mixIn(key, stream) {
  if (!roomMix.ctx) return;
  roomMix.sources.get(key)?.disconnect();
  roomMix.sources.delete(key);
  if (!stream || !stream.getAudioTracks().length) return;
  const source = roomMix.ctx.createMediaStreamSource(stream);
  source.connect(roomMix.dest);
  roomMix.sources.set(key, source);
  document.getElementById('video')?.setAttribute('data-mixed', String(roomMix.sources.size));
}

function build(main) {
  const roles = view.myRoles.map(r => h('span.badge.role', t('oral.role.' + r)));
  main.append(h('div#room',
    h('div.room-head',
      h('div', h('h1', view.title),
        h('p.muted', `${fmtDay(view.date)} · ${view.programme} · ${view.language} · `, t('oral.bachelor')),
        h('details', h('summary', t('oral.basis')), h('p', view.emergencyBasis))),
      h('div.room-status', roles, h('span#conn.badge', { role: 'status' }, ''),
        isStaff() ? h('button#protocol', { onclick: downloadProtocol }, t('oral.protocol')) : null)),
    h('div.room-grid',
      h('section.card#video-card', { 'aria-labelledby': 'video-h' }, h('h2#video-h', t('oral.video')), h('div#video'),
        h('div#link-status', { role: 'status' }),
        h('div#recording-notice'),
        h('h2', t('oral.people')), h('ul#people.people')),
      h('section.card#current', { 'aria-live': 'polite' })),
    isStaff() ? h('section.card', h('h2', t('oral.students')), h('div#turns'), h('div#rec-player', { 'aria-live': 'polite' })) : null));
  setupVideo();
}

/**
 * Who is here, in the video, and muted. Every page reports every few seconds and each report reaches every page:
 * a person's line is rebuilt only when what it shows changed (a list rebuilt per report kept a weak machine busy).
 */
function renderPeople() {
  const ul = document.getElementById('people');
  const all = [...view.commission, view.head, ...view.students];
  /** @type {Map<string, HTMLElement>} */
  const shown = new Map([...ul.children].map(li => [/** @type {HTMLElement} */ (li).dataset.slot, /** @type {HTMLElement} */ (li)]));
  const lines = all.map(p => {
    const st = rtcStatus.get(p.id);
    const inVideo = !!(st && st.inMesh) || p.id === view.me && !!mesh;
    const data = { user: p.id, present: String(p.present), video: String(inVideo),
      micOff: String(!!st?.muted?.audio), camOff: String(!!st?.muted?.video) };
    const key = JSON.stringify([data, p.name, p.role]);
    const slot = p.id + ':' + p.role;
    const old = shown.get(slot);
    if (old && old.dataset.key === key) return old;
    return h('li', { dataset: { ...data, key, slot } },
      h('span.dot' + (p.present ? '.on' : ''), { 'aria-hidden': 'true' }),
      h('span', p.name), ' ', h('span.muted', t('oral.role.' + p.role)), ' ',
      h('span.sr-only', t(p.present ? 'oral.present' : 'oral.absent')),
      inVideo ? h('span.badge.ok', t('oral.video.in')) : null,
      st?.muted?.audio ? h('span.badge.warn', t('oral.video.micOff')) : null,
      st?.muted?.video ? h('span.badge.warn', t('oral.video.camOff')) : null);
  });
  if (lines.length === ul.children.length && lines.every((li, i) => ul.children[i] === li)) return;
  ul.replaceChildren(...lines);
}

function renderTurns() {
  const box = document.getElementById('turns');
  if (!box) return;
  box.replaceChildren(h('table', h('thead', h('tr', ['oral.order', 'oral.student', 'oral.stage', 'oral.ticket', 'oral.result', 'oral.rec.title'].map(k => h('th', t(k))))),
    h('tbody', view.turns.map(x => h('tr', { dataset: { turn: x.id }, 'aria-current': x.id === view.currentTurnId ? 'step' : false },
      h('td', x.position), h('td', x.studentName), h('td', h('span.badge', t('oral.stage.' + x.stage))),
      h('td', x.ticketNumber ?? '—'), h('td', resultText(x)),
      h('td', h('button.rec-play', { id: 'rec-play-' + x.id, onclick: () => playRecording(x) }, t('oral.rec.play'))))))));
}

/** The commission plays a turn's recording (media playback with a ticket: a <video> can't send the token). */
async function playRecording(turn) {
  const box = document.getElementById('rec-player');
  try {
    const rec = await api(`/api/recordings/owners/ORAL_TURN/${turn.id}`);
    const track = rec.tracks.find(x => x.kind === 'CAMERA');
    if (!track || track.state !== TrackState.FINALISED) {
      box.replaceChildren(h('p.muted#rec-not-ready', t('oral.rec.notReady', { state: track ? t('oral.rec.state.' + track.state) : '—' })));
      return;
    }
    const ticket = await api(`/api/recordings/${track.token}/tickets`, { method: 'POST' });
    // a gap's place in the recording as minutes and seconds from its start, its cause in words
    const at = (/** @type {number} */ sec) => { const x = Math.max(0, Math.round(sec)); return `${Math.floor(x / 60)}:${String(x % 60).padStart(2, '0')}`; };
    const gaps = track.gaps.length ? track.gaps.map(g => t('oral.rec.gap.' + g.cause, { from: at(g.fromSeconds), to: at(g.toSeconds) })).join(', ') : t('oral.rec.noGaps');
    box.replaceChildren(h('h3', t('oral.rec.of', { name: turn.studentName })),
      h('video#rec-video', { controls: true, preload: 'metadata', src: ticket.url, width: 480 }),
      h('p.muted', `${fmtDuration(track.durationSeconds)} · ${t('oral.rec.gaps')}: ${gaps}`));
  } catch (e) {
    box.replaceChildren(problemView(e));
  }
}

function resultText(x) {
  if (x.failure) return `${x.failure.grade} (${t('oral.dueBy', { date: x.failure.incompleteDue })})`;
  if (x.result) return `${x.result.points} · ${x.result.letter}`;
  return '—';
}

function current() { return view.turns.find(x => x.id === view.currentTurnId) || null; }

function renderCurrent(previous) {
  const box = document.getElementById('current');
  const turn = current();
  if (!turn) {
    box.replaceChildren(h('h2', t('oral.current')), h('p', t(has('STUDENT') ? 'oral.noTurnStudent' : 'oral.noTurn')), publishBlock());
    const mine = view.turns.find(x => x.result?.published);
    if (has('STUDENT') && mine) box.append(resultBlock(mine));
    return;
  }
  const prevTurn = previous?.turns?.find(x => x.id === turn.id);
  if (prevTurn && prevTurn.stage !== turn.stage) notify(t('oral.stageNow', { stage: t('oral.stage.' + turn.stage) }));
  const key = 'cur:' + turn.id;
  let panel = kept.get(key);
  if (!panel || !box.contains(panel.root)) {
    panel = {
      root: h('div'), head: h('div.turn-head'), timer: h('div#timer.timer', { role: 'timer' }), draw: h('div.drawbox'),
      questions: h('div'), actions: h('div'), result: h('div'),
    };
    panel.root.append(panel.head, panel.timer, panel.draw, panel.questions, panel.actions, panel.result);
    kept.clear(); kept.set(key, panel);
    box.replaceChildren(h('h2', t('oral.current')), panel.root);
  }
  panel.head.replaceChildren(h('p.student-name', h('strong', turn.studentName), ' ',
      h('span#stage.badge', { dataset: { stage: turn.stage } }, t('oral.stage.' + turn.stage)),
      turn.resitOf ? h('span.badge.warn', t('oral.resit')) : null),
    h('p.muted', t('oral.commitment'), ': ', h('code#commitment', turn.commitment || '—')));
  if (!animating) renderDraw(panel.draw, turn);
  panel.questions.replaceChildren(...(turn.questions && !animating ? [h('h3', t('oral.ticketN', { n: turn.ticketNumber })),
    h('ol#questions.questions', turn.questions.map(q => h('li', q)))] : []));
  renderActions(panel.actions, turn);
  panel.result.replaceChildren(linkBlock(turn) || '', resultBlock(turn) || '');
  tick();
}

function renderDraw(box, turn) {
  if (!turn.drawnAt) {
    box.replaceChildren(h('div#draw-number.rng', { dataset: { landed: 'false' }, 'aria-label': t('oral.rng') }, '?'));
    return;
  }
  if (box.dataset.turn === turn.id && box.dataset.drawn === 'true') return;   // keep the verify result
  box.dataset.turn = turn.id; box.dataset.drawn = 'true';
  const out = h('p#verify-result', { role: 'status' });
  box.replaceChildren(
    h('div#draw-number.rng.landed', { dataset: { landed: 'true' }, 'aria-label': t('oral.rng') }, String(turn.ticketNumber)),
    h('p.muted', t('oral.seed'), ': ', h('code#seed', turn.seed)),
    h('p.muted', t('oral.drawnFrom'), ': ', turn.availableTickets.join(', ')),
    h('button#verify', { onclick: async () => {
      const r = await verifyDraw({ ...turn, sittingId: view.sittingId });
      const ok = r.commitmentOk && r.ticketOk;
      out.dataset.ok = String(ok);
      out.className = ok ? 'okbox' : 'problem';
      out.textContent = ok ? t('oral.verifyOk', { n: r.ticket }) : t('oral.verifyBad', { n: r.ticket });
    } }, t('oral.verify')), out);
}

/** Everyone sees the same random-number animation land on the drawn ticket at the same moment. */
function animateDraw(draw) {
  const turn = current();
  if (!turn || turn.id !== draw.turnId) return;
  const box = document.getElementById('draw-number');
  if (!box) return;
  animating = true;
  box.dataset.landed = 'false';
  box.classList.add('spinning');
  const pool = draw.availableTickets;
  const started = Date.now();
  const spin = setInterval(() => {
    box.textContent = String(pool[Math.floor(Math.random() * pool.length)]);
    if (Date.now() - started > 2200) {
      clearInterval(spin);
      box.textContent = String(draw.ticketNumber);
      box.classList.remove('spinning');
      box.classList.add('landed');
      box.dataset.landed = 'true';
      animating = false;
      applyState(view, document.getElementById('main'));
    }
  }, 70);
}

/** The student's audio/video stopped reaching the commission: everyone is told; a long outage pauses the answer. */
function linkBlock(turn) {
  if (turn.stage === TurnStage.ANSWER_PAUSED) {
    return h('div.problem#answer-paused', { role: 'alert' }, h('strong', t('oral.link.paused')), ' ',
      t('oral.link.pausedDetail', { time: fmtDate(turn.answerPausedAt), left: fmtLeft(turn.answerRemainingMs || 0) }),
      has('CHAIR') ? h('div.actions', h('button.primary#answer-resume', { onclick: () => act(`/api/oral/turns/${turn.id}/answer/resume`) },
        t('oral.link.resume'))) : null);
  }
  if (turn.linkLostAt && turn.stage === TurnStage.ANSWERING) {
    return h('div.warnbox#link-lost', { role: 'alert' }, t('oral.link.lost', { time: fmtDate(turn.linkLostAt) }));
  }
  return null;
}

function resultBlock(turn) {
  if (turn.failure) {
    return h('div.problem#result', { role: 'status' }, h('strong', t('oral.failure')), ' ',
      `${fmtDate(turn.failure.at)} · ${t('oral.grade')}: ${turn.failure.grade} (${t('oral.dueBy', { date: turn.failure.incompleteDue })})`,
      turn.failure.note ? h('p', turn.failure.note) : null);
  }
  if (!turn.result) return null;
  return h('div.okbox#result', { role: 'status' }, h('strong', t(turn.result.published ? 'oral.resultPublished' : 'oral.resultNotPublished')), ' ',
    h('span.final', `${turn.result.points} ${t('oral.points')} · ${turn.result.letter} · ${turn.result.gpa} · ${t('oral.mark')} ${turn.result.traditionalMark}`),
    turn.result.explanation ? h('p.muted', turn.result.explanation) : null);
}

// ---------------------------------------------------------------- actions per role
function renderActions(box, turn) {
  const parts = [];
  if (has('SECRETARY')) parts.push(secretaryBlock(turn));
  if (has('HEAD') && !turn.drawnAt && [TurnStage.WAITING, TurnStage.CHECKED].includes(turn.stage)) parts.push(headBlock(turn));
  if (has('CHAIR')) parts.push(chairBlock(turn));
  if (isStaff() && turn.grades && [TurnStage.GRADING, TurnStage.GRADED, TurnStage.PUBLISHED].includes(turn.stage)) parts.push(gradeBlock(turn));
  if (has('STUDENT') && turn.studentId === view.me) parts.push(studentBlock(turn));
  box.replaceChildren(...parts.filter(Boolean), h('div#action-problem', { role: 'alert' }));
}

async function act(path, body, method = 'POST') {
  try { const r = await api(path, { method, body: body ?? {} }); return r; }
  catch (e) { notify(e.message, 'error'); showProblem(e); return null; }
}
function showProblem(e) {
  const box = document.getElementById('action-problem');
  if (box) box.replaceChildren(e instanceof ApiError ? problemView(e) : h('div.problem', String(e)));
}

function secretaryBlock(turn) {
  if (turn.stage === TurnStage.WAITING) {
    const key = 'check:' + turn.id;
    let form = kept.get(key);
    if (!form) {
      form = h('form.check#check-form', { onsubmit: async e => {
          e.preventDefault();
          const checklist = Object.fromEntries(view.checklistItems.map(i => [i, form.querySelector(`[name=${i}]`).checked]));
          const r = await act(`/api/oral/turns/${turn.id}/check`, { idDocumentChecked: form.querySelector('#id-checked').checked,
            idDocument: form.querySelector('#id-doc').value, checklist, note: form.querySelector('#check-note').value });
          if (r) notify(t('core.saved'), 'ok');
        } },
        h('h3', t('oral.check')),
        h('p.muted', t('oral.faceLater')),
        h('label.inline', h('input#id-checked', { type: 'checkbox' }), ' ', t('oral.idChecked')),
        h('label', { for: 'id-doc' }, t('oral.idDocument')), h('input#id-doc', { placeholder: t('oral.idDocumentHint') }),
        h('fieldset', h('legend', t('oral.checklist')), view.checklistItems.map(i =>
          h('label.inline', h('input', { type: 'checkbox', name: i }), ' ', t('oral.item.' + i)))),
        h('label', { for: 'check-note' }, t('oral.note')), h('input#check-note'),
        h('div.actions',
          ['IDENTITY', 'DESK', 'ROOM'].map(k => h('button#snap-' + k, { type: 'button', onclick: () => requestSnapshot(turn, k) }, t('oral.snap.' + k)))),
        h('div.snaps#snaps'),
        h('div.actions', h('button.primary#check-save', { type: 'submit' }, t('oral.checkSave'))));
      kept.set(key, form);
    }
    renderSnaps(form.querySelector('#snaps'), turn);
    return form;
  }
  const canFail = [TurnStage.CHECKED, TurnStage.PREPARING, TurnStage.PREPARED, TurnStage.ANSWERING, TurnStage.ANSWER_PAUSED, TurnStage.GRADING].includes(turn.stage);
  return h('div.block', h('h3', t('oral.check')),
    h('p', turn.check?.passed ? h('span.badge.ok#check-passed', t('oral.checkPassed')) : '—', ' ',
      turn.check?.idDocument ? `${t('oral.idDocument')}: ${turn.check.idDocument}` : ''),
    canFail ? h('div.actions', h('button.danger#failure', { onclick: async () => {
      const note = prompt(t('oral.failureNote'));
      if (note) await act(`/api/oral/turns/${turn.id}/technical-failure`, { note });
    } }, t('oral.failureMark'))) : null);
}

function requestSnapshot(turn, kind) {
  if (!turn.present) { notify(t('oral.studentAbsent'), 'error'); return; }
  send({ type: 'snapshot.request', turnId: turn.id, kind });
  notify(t('oral.snapRequested'));
}

const thumbs = new Map();
function renderSnaps(box, turn) {
  const shots = turn.check?.snapshots || [];
  box.replaceChildren(...shots.map(s => {
    const img = h('img', { alt: t('oral.snap.' + s.kind) + ' ' + fmtDate(s.takenAt), width: 160 });
    if (thumbs.has(s.id)) img.src = thumbs.get(s.id);
    else api(`/api/oral/snapshots/${s.id}`, { raw: true }).then(r => r.blob()).then(b => { const u = URL.createObjectURL(b); thumbs.set(s.id, u); img.src = u; }).catch(() => {});
    return h('figure', img, h('figcaption', t('oral.snap.' + s.kind)));
  }));
  box.dataset.count = String(shots.length);
}

function headBlock(turn) {
  return h('div.block', h('h3', t('oral.drawTitle')), h('p.muted', t('oral.drawHint')),
    h('div.actions', h('button.primary#draw', { disabled: turn.stage !== TurnStage.CHECKED, onclick: async () => {
      await act(`/api/oral/turns/${turn.id}/draw`);
    } }, t('oral.draw'))));
}

function chairBlock(turn) {
  const graders = view.commission.filter(p => p.role !== 'SECRETARY');
  const missing = graders.filter(p => !p.present);
  return h('div.block', h('h3', t('oral.stages')),
    missing.length ? h('p.warnbox#members-missing', t('oral.membersMissing', { names: missing.map(p => p.name).join(', ') })) : null,
    h('div.actions',
      h('button#prep-end', { disabled: turn.stage !== TurnStage.PREPARING, onclick: () => act(`/api/oral/turns/${turn.id}/preparation/end`) }, t('oral.prepEnd')),
      h('button.primary#answer-start', { disabled: turn.stage !== TurnStage.PREPARED, onclick: () => act(`/api/oral/turns/${turn.id}/answer/start`) }, t('oral.answerStart')),
      h('button#answer-end', { disabled: ![TurnStage.ANSWERING, TurnStage.ANSWER_PAUSED].includes(turn.stage), onclick: () => act(`/api/oral/turns/${turn.id}/answer/end`) }, t('oral.answerEnd'))),
    publishBlock());
}

function publishBlock() {
  if (!has('CHAIR')) return '';
  const waiting = view.turns.filter(x => x.stage === TurnStage.GRADED).length;
  return h('div.actions', h('button.primary#publish', { disabled: !waiting, onclick: async () => {
    const r = await act(`/api/oral/sittings/${sittingId}/publish`);
    if (r) notify(t('oral.publishedN', { n: r.published }), 'ok');
  } }, t('oral.publish')), waiting ? h('span.muted', t('oral.waitingPublish', { n: waiting })) : null);
}

function gradeBlock(turn) {
  const g = turn.grades;
  const parts = [h('h3', t('oral.grading')), h('p#grades-count', t('oral.gradedCount', { n: g.given, m: g.expected }))];
  const grader = has('CHAIR') || has('MEMBER');
  if (grader && turn.stage === TurnStage.GRADING) {
    const key = 'grade:' + turn.id;
    let form = kept.get(key);
    if (!form) {
      const input = h('input#grade-points', { type: 'number', min: 0, max: 100, step: 1, required: true });
      form = h('form.row', { onsubmit: async e => {
          e.preventDefault();
          const r = await act(`/api/oral/turns/${turn.id}/grade`, { points: Number(input.value) }, 'PUT');
          if (r) notify(t('oral.gradeSaved'), 'ok');
        } },
        h('div', h('label', { for: 'grade-points' }, t('oral.myGrade')), input),
        h('div', h('button.primary#grade-save', { type: 'submit' }, t('oral.gradeSave'))));
      kept.set(key, form);
    }
    parts.push(form);
  }
  if (grader) parts.push(h('p#my-grade', t('oral.mine'), ': ', g.mine ?? '—'));
  if (g.allIn) {
    parts.push(h('table#grades', h('thead', h('tr', h('th', t('oral.member')), h('th', t('oral.points')))),
      h('tbody', g.all.map(x => h('tr', h('td', x.name), h('td', x.points))))));
  } else {
    parts.push(h('p.muted#grades-hidden', t('oral.gradesHidden')));
  }
  return h('div.block', parts);
}

function studentBlock(turn) {
  const hints = { WAITING: 'oral.hint.WAITING', CHECKED: 'oral.hint.CHECKED', PREPARING: 'oral.hint.PREPARING', PREPARED: 'oral.hint.PREPARED',
    ANSWERING: 'oral.hint.ANSWERING', ANSWER_PAUSED: 'oral.hint.ANSWER_PAUSED', GRADING: 'oral.hint.GRADING', GRADED: 'oral.hint.GRADING', PUBLISHED: 'oral.hint.PUBLISHED', TECHNICAL_FAILURE: 'oral.hint.TECHNICAL_FAILURE' };
  return h('div.block', h('p#student-hint', t(hints[turn.stage])));
}

// ---------------------------------------------------------------- timers (server-kept)
/** @type {ReturnType<typeof setTimeout>|null} */
let tickTimer = null;

/**
 * The clock shows whole seconds: it is redrawn once a second, just after the second turns (by the server's time),
 * and only what changed (a 250 ms timer rebuilding it kept a weak machine's page busy for nothing).
 */
function tick() {
  clearTimeout(tickTimer);
  const now = Date.now() + offset;
  tickTimer = setTimeout(tick, 1000 - (now % 1000) + 20);
  const el = document.getElementById('timer');
  const turn = view && current();
  if (!el || !turn) return;
  let label = null, deadline = null;
  if (turn.stage === TurnStage.PREPARING) { label = 'oral.prepLeft'; deadline = Date.parse(turn.prepDeadline); }
  else if (turn.stage === TurnStage.ANSWERING) { label = 'oral.answerLeft'; deadline = Date.parse(turn.answerDeadline); }
  else if (turn.stage === TurnStage.ANSWER_PAUSED) { label = 'oral.answerLeft'; deadline = now + (turn.answerRemainingMs || 0); }
  if (!label) {
    if (el.dataset.running !== 'false') { el.replaceChildren(); el.dataset.running = 'false'; delete el.dataset.label; }
    return;
  }
  const left = Math.max(0, Math.round((deadline - now) / 1000));
  const mm = String(Math.floor(left / 60)).padStart(2, '0'), ss = String(left % 60).padStart(2, '0');
  const clock = /** @type {HTMLElement|null} */ (el.querySelector('.clock'));
  if (!clock || el.dataset.label !== label) {
    el.dataset.label = label;
    el.replaceChildren(h('span.muted', t(label)), ' ', h('span.clock', `${mm}:${ss}`));
  } else if (clock.textContent !== `${mm}:${ss}`) {
    clock.textContent = `${mm}:${ss}`;
  }
  el.dataset.running = 'true';
}

/** A remaining time as people read it: "14 min 21 s" (in the page's language), never raw seconds. */
function fmtLeft(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? t('oral.left.minSec', { m: Math.floor(s / 60), s: s % 60 }) : t('oral.left.sec', { s });
}

// ---------------------------------------------------------------- video
async function setupVideo() {
  const box = document.getElementById('video');
  try { videoCfg = await api(`/api/oral/sittings/${sittingId}/video`); } catch { videoCfg = { enabled: false, iceServers: [], upstreamKbps: 400 }; }
  if (videoCfg.enabled) { jitsi(box, videoCfg); if (has('SECRETARY')) jitsiRecordingLink(box); return; }
  // no Jitsi configured: the built-in room, every participant's camera and microphone over a WebRTC mesh
  box.append(h('p.muted', t('oral.video.builtIn')),
    h('div#tiles.tiles', h('figure.tile.own', { dataset: { user: view.me } },
      h('video#own-camera', { autoplay: true, muted: true, playsinline: true, 'aria-label': t('oral.ownCamera') }),
      h('figcaption', t('oral.video.you')))),
    h('div.actions',
      h('button#mute-audio', { type: 'button', 'aria-pressed': 'false', onclick: e => toggleMute(e.target, 'audio') }, t('oral.video.muteMic')),
      h('button#mute-video', { type: 'button', 'aria-pressed': 'false', onclick: e => toggleMute(e.target, 'video') }, t('oral.video.muteCam'))));
  if (ownStream) /** @type {HTMLVideoElement} */ (document.getElementById('own-camera')).srcObject = ownStream;   // the recording opened it first
  joinVideo();
}

function toggleMute(button, kind) {
  if (!mesh) return;
  const on = mesh.toggle(kind);
  button.setAttribute('aria-pressed', String(!on));
  button.textContent = t(on ? (kind === 'audio' ? 'oral.video.muteMic' : 'oral.video.muteCam') : (kind === 'audio' ? 'oral.video.unmuteMic' : 'oral.video.unmuteCam'));
}

/** The staff join the video at once; a student when their turn is the current one. */
function mayJoinVideo() {
  if (isStaff()) return true;
  const turn = current();
  return !!turn && turn.studentId === view.me && !turn.stage.match(/^(GRADED|PUBLISHED|TECHNICAL_FAILURE)$/);
}

/**
 * This page's camera and microphone, opened once: the video room, the recording and the secretary's snapshots share
 * it (the recording takes clones). Two getUserMedia calls racing (the room joining while the recording starts) each
 * opened the camera, and the later one replaced the stream the peers were already sending. 15 frames a second is
 * plenty for a face and a voice and halves what every encoder of the mesh has to do.
 */
function camera() {
  cameraOpening ??= navigator.mediaDevices.getUserMedia({
    video: { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 15, max: 15 } }, audio: true,
  }).then(stream => {
    ownStream = stream;
    const own = /** @type {HTMLVideoElement|null} */ (document.getElementById('own-camera'));
    if (own) own.srcObject = stream;
    return stream;
  }, err => { cameraOpening = null; throw err; });
  return cameraOpening;
}

let joining = false;
async function joinVideo() {
  if (!videoCfg || videoCfg.enabled || !connected || !connectionId || joining || !mayJoinVideo()) return;
  if (mesh && mesh.joined === connectionId) return;
  joining = true;
  try {
    await camera();
    if (!mesh) {
      mesh = createMesh({ send, iceServers: videoCfg.iceServers || [], upstreamKbps: meshUpstream(),
        profile: videoProfile, watched: () => current()?.studentId || null, stream: ownStream, onRemote: remoteTile });
    }
    mesh.join(connectionId);
    mesh.joined = connectionId;
    renderPeople();
  } catch {
    document.getElementById('video')?.append(h('p.problem', t('oral.noCamera')));
  } finally {
    joining = false;
  }
}

/**
 * How this page's camera is encoded for one receiver (oral-mesh.js PROFILES): the student's goes to everyone at full
 * resolution (000 §4.6 keeps it full); the commission's to the student as faces, and to each other as thumbnails
 * (nobody needs them large: everyone watches the student; the secretary and the head still see every member).
 * @param {string} userId the receiver
 * @returns {'full'|'face'|'thumb'}
 */
function videoProfile(userId) {
  if (has('STUDENT') && !isStaff()) return 'full';
  return userId === current()?.studentId ? 'face' : 'thumb';
}

/** A peer's camera and microphone in a tile (or the tile removed when that page left). */
function remoteTile(userId, stream, conn) {
  const tiles = document.getElementById('tiles');
  if (!tiles) return;
  let tile = tiles.querySelector(`figure[data-conn="${conn}"]`);
  mixIn(conn, stream);
  if (!stream) { tile?.remove(); return; }
  if (!tile) {
    const person = [...view.commission, view.head, ...view.students].find(p => p.id === userId);
    tile = h('figure.tile', { dataset: { conn, user: userId, role: person?.role || '' } },
      h('video', { autoplay: true, playsinline: true, 'aria-label': person?.name || '' }),
      h('figcaption', person ? `${person.name} · ${t('oral.role.' + person.role)}` : ''));
    tiles.append(tile);
  }
  const video = tile.querySelector('video');
  if (video.srcObject !== stream) video.srcObject = stream;
}

/** The technical secretary keeps the link to the Jitsi room's recording with the sitting (printed in the protocol). */
function jitsiRecordingLink(box) {
  const input = h('input#jitsi-rec-url', { type: 'url', placeholder: 'https://…', 'aria-label': t('oral.rec.jitsiLink') });
  box.after(h('form.actions#jitsi-rec', { onsubmit: async e => {
    e.preventDefault();
    try {
      await api(`/api/oral/sittings/${sittingId}/jitsi-recording`, { method: 'PUT', body: { url: input.value } });
      notify(t('oral.rec.jitsiSaved'));
    } catch (err) { notify(err.message, 'error'); }
  } }, h('label', t('oral.rec.jitsiLink'), ' ', input), h('button', { type: 'submit' }, t('oral.rec.jitsiSave'))));
}

function jitsi(box, cfg) {
  const s = document.createElement('script');
  s.src = `https://${cfg.domain}/external_api.js`;
  s.onload = () => {
    // @ts-ignore -- the IFrame API's global, from the script just loaded from the Jitsi server
    const meet = new window.JitsiMeetExternalAPI(cfg.domain, { roomName: cfg.room, jwt: cfg.jwt, parentNode: box, width: '100%', height: 360,
      userInfo: { displayName: cfg.displayName } });
    if (cfg.moderator) meet.addListener('videoConferenceJoined', () => meet.executeCommand('toggleLobby', true));
    jitsiLinkReports(meet);
    // the room's own recording (Jibri) when configured; the secretary then keeps its link (PUT …/jitsi-recording)
    if (cfg.record && has('SECRETARY')) meet.addListener('videoConferenceJoined', () => meet.executeCommand('startRecording', { mode: 'file' }));
    if (has('SECRETARY')) {
      const lobby = h('div.actions#lobby');
      box.after(lobby);
      meet.addListener('knockingParticipant', ({ participant }) => lobby.append(h('button.primary', { onclick: e => {
        meet.executeCommand('answerKnockingParticipant', participant.id, true); e.target.remove();
      } }, t('oral.admit', { name: participant.name }))));
    }
  };
  s.onerror = () => box.append(h('p.problem', t('oral.jitsiDown')));
  document.head.append(s);
}

/**
 * The answer needs the link with Jitsi too: the same rtc.stats report, read from Jitsi's participant events
 * (who joined, who muted what), the participant named by the display name the token carries.
 */
function jitsiLinkReports(meet) {
  const joined = new Map();   // Jitsi participant id → { name, audio, video }
  meet.addListener('participantJoined', p => joined.set(p.id, { name: p.displayName, audio: true, video: true }));
  meet.addListener('participantLeft', p => joined.delete(p.id));
  meet.addListener('displayNameChange', p => { const j = joined.get(p.id); if (j) j.name = p.displayname || p.displayName; });
  meet.addListener('participantMuted', p => {
    const j = joined.get(p.id);
    if (j) j[p.mediaType === 'video' ? 'video' : 'audio'] = !p.isMuted;
  });
  setInterval(() => {
    if (!socket?.isOpen() || !view) return;
    const people = [...view.commission, view.head, ...view.students];
    const peers = [...joined.values()].map(j => ({ ...j, userId: people.find(p => p.name === j.name)?.id })).filter(x => x.userId)
      .map(x => ({ userId: x.userId, audio: x.audio, video: x.video }));
    send({ type: 'rtc.stats', peers, muted: { audio: false, video: false } });
  }, 2000);
}

/** Fallback mode: the secretary asked this student's page for a frame of its own camera. */
async function sendSnapshot(turnId, kind) {
  try {
    await camera();
    const video = document.createElement('video');
    video.muted = true; video.srcObject = ownStream; await video.play();
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth || 640; canvas.height = video.videoHeight || 480;
    canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise(res => canvas.toBlob(res, 'image/jpeg', 0.8));
    await api(`/api/oral/turns/${turnId}/snapshots?kind=${kind}`, { method: 'POST', body: blob, headers: { 'Content-Type': 'image/jpeg' } });
    notify(t('oral.snapSent'), 'ok');
  } catch (e) { notify(e.message || t('oral.noCamera'), 'error'); }
}

async function downloadProtocol() {
  try {
    const r = await api(`/api/oral/sittings/${sittingId}/protocol.pdf`, { raw: true });
    const url = URL.createObjectURL(await r.blob());
    const a = h('a', { href: url, download: `oral-protocol-${sittingId}.pdf` });
    document.body.append(a); a.click(); a.remove();
  } catch (e) { notify(e.message, 'error'); }
}
