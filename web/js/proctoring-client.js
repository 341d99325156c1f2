// @ts-check
// The student's side of live proctoring (003 §16; 001 §5.17.2, §6.9, §6.13–6.14). The exam page loads
// it with one line: <script type="module" src="/js/proctoring-client.js"></script>. It keeps one socket
// per attempt (/ws/attempts/{id}), sends heartbeats, what the browser sees (tab, focus, fullscreen,
// clipboard, shortcuts, window size, screens, screen share, camera, microphone, network) and camera
// snapshots, and shows the proctor's messages, warnings, presence checks and suspensions.
// Events are numbered and kept in localStorage until the server acknowledges them; after a reconnect
// the unacknowledged ones are sent again (the server counts each seq once).
import { h, token, lang, api, signedOut } from '/js/adal.js';
import { reconnectingSocket } from '/js/reconnecting-socket.js';
import { AttemptState } from '/js/states.js';

const attemptId = new URLSearchParams(location.search).get('attempt');
const KEY = `adal.proctoring.${attemptId}`;
const TAB_KEY = `adal.proctoring.tab.${attemptId}`;
const RESEND_MS = 8000;
const SNAPSHOT_W = 320, SNAPSHOT_H = 240, SNAPSHOT_QUALITY = 0.6;
// the tile's screen thumbnail: small (the live view is there for a closer look), at its own low rate
const SCREEN_W = 400, SCREEN_QUALITY = 0.5;

let msgs = {};
const tr = (k, p = {}) => { let s = msgs[k] ?? k; for (const [a, b] of Object.entries(p)) s = s.replaceAll(`{${a}}`, b); return s; };

const store = (() => { try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch { return {}; } })();
store.seq = store.seq || 0;
store.pending = store.pending || [];
const persist = () => { try { localStorage.setItem(KEY, JSON.stringify(store)); } catch { /* full: the socket still has them */ } };
const tab = sessionStorage.getItem(TAB_KEY) || (() => { const t = crypto.randomUUID(); sessionStorage.setItem(TAB_KEY, t); return t; })();

let ready = false, stopped = false, takeover = false, offset = 0;
let cfg = { heartbeatEverySeconds: 5, snapshotEverySeconds: 10, screenSnapshotEverySeconds: 20, windowMinFraction: 0.75 };
let hbTimer = null, snapTimer = null, screenTimer = null, camera = null, screenStream = null, smallWindow = false;
const ui = {};

const serverNow = () => new Date(Date.now() + offset).toISOString();

/** A numbered event: kept until acknowledged, sent now if the socket is open. */
// An event recorded before this page heard the server's time (the page load's own events) gets its time on
// the server's clock once known: a browser whose clock is off would otherwise misplace them in the timeline.
let synced = false;
// A page being left (a reload, closing the tab) hides itself and leaves fullscreen: that is the navigation,
// not the student; the next page load starts afresh (session.start) and a closed tab is a disconnection.
let leaving = false;
window.addEventListener('beforeunload', () => { leaving = true; });
window.addEventListener('pagehide', () => { leaving = true; });
window.addEventListener('pageshow', () => { leaving = false; });
function record(kind, data = {}) {
  if (stopped || leaving) return;
  const ev = { seq: ++store.seq, kind, at: synced ? serverNow() : null, local: Date.now(), data };
  store.pending.push(ev);
  persist();
  sendEvent(ev);
}
function sendEvent(ev) {
  if (ready && socket.isOpen()) {
    if (!ev.at) { ev.at = new Date(ev.local + offset).toISOString(); persist(); }
    ev.sentAt = Date.now();
    socket.send({ type: 'event', attemptId, seq: ev.seq, kind: ev.kind, at: ev.at, data: ev.data });
  }
}
function send(msg) { if (ready) socket.send({ ...msg, attemptId }); }

/**
 * A snapshot as one binary message (issue 17; kz.adal.proctoring.live.SnapshotFrame): source (1 camera, 2 screen),
 * the time on the server's clock in epoch ms (8 bytes, big-endian), then the JPEG as it is — no base64, no JSON.
 */
async function sendSnapshot(/** @type {Blob} */ jpeg, /** @type {'camera'|'screen'} */ source) {
  const bytes = new Uint8Array(await jpeg.arrayBuffer());
  const frame = new Uint8Array(9 + bytes.length);
  const head = new DataView(frame.buffer);
  head.setUint8(0, source === 'screen' ? 2 : 1);
  head.setBigUint64(1, BigInt(Date.now() + offset));
  frame.set(bytes, 9);
  if (ready) socket.sendBinary(frame);
}

// ---------------------------------------------------------------- the socket (web/js/reconnecting-socket.js)
const socket = reconnectingSocket({
  path: `/ws/attempts/${attemptId}`,
  hello: () => ({ type: 'auth', attemptId, token: token(), tab, takeover }),
  onMessage,
  onConnecting() { ready = false; status('connecting'); },
  onClose(code) {
    ready = false;
    clearInterval(hbTimer);
    if (code === 4410) { stopped = true; status('replaced'); modal(tr('proctoring.replaced'), tr('proctoring.replacedText')); return false; }
    if (code === 4409 || code === 4404) return false;   // handled by the error that came first
    status(navigator.onLine ? 'reconnecting' : 'offline');   // offline: going back online reconnects
    return true;
  },
  async beforeReconnect(code) { if (code === 4401) await api(`/api/attempts/${attemptId}`); },   // refreshes the token when it can
  onSignedOut() { ready = false; clearInterval(hbTimer); stopped = true; status('offline'); signedOut(); },
});

function connect() {
  if (!stopped) socket.connect();
}

function onMessage(m) {
  switch (m.type) {
    case 'ready': {
      ready = true; takeover = false; socket.settled();
      offset = Date.parse(m.serverNow) - Date.now();
      synced = true;
      cfg = m;
      store.seq = Math.max(store.seq, m.lastSeq);
      persist();
      status('online');
      clearInterval(hbTimer);
      hbTimer = setInterval(() => send({ type: 'hb' }), cfg.heartbeatEverySeconds * 1000);
      scheduleSnapshots(cfg.snapshotEverySeconds);
      scheduleScreenThumbnails();
      store.pending.forEach(sendEvent);               // replay what was never acknowledged
      if (m.state === AttemptState.SUSPENDED) suspended(true);
      break;
    }
    case 'ack':
      store.pending = store.pending.filter(e => e.seq !== m.seq);
      persist();
      break;
    case 'error':
      if (m.seq) { store.pending = store.pending.filter(e => e.seq !== m.seq); persist(); }   // refused for good: not resent
      if (m.code === 'PROCTORING_SESSION_ELSEWHERE') elsewhere();
      else if (m.code === 'PROCTORING_WS_NOT_RUNNING') stop();
      break;
    case 'message': showMessage(m); break;
    case 'state':
      // the exam page changes at once too (answers re-enabled, the clock): no wait for its own poll
      window.dispatchEvent(new CustomEvent('adal:attempt-state', { detail: m }));
      if (m.state === AttemptState.SUSPENDED) suspended(true, m.reason);
      else if (m.state === AttemptState.IN_PROGRESS) { suspended(false); if (pauseWasShown(m)) resumed(m.creditedSeconds); }
      else if (m.state === AttemptState.TERMINATED) { suspended(false); modal(tr('proctoring.terminated'), m.reason ? tr('proctoring.terminatedText', { reason: m.reason }) : ''); stop(); }
      else { suspended(false); stop(); }   // submitted or expired: the exam page says so
      break;
    case 'rate': scheduleSnapshots(m.snapshotEverySeconds); break;
    case 'replaced': break;
    case 'live.signal':       // a proctor's live view (issue 14): answered with the streams already shared
      import('/js/live-view.js').then(v => v.answerLiveView(m, { camera, screen: screenStream, kbps: cfg.liveViewKbps,
        send: x => socket.send({ ...x, attemptId }) })).catch(() => {});
      break;
    default: break;
  }
}

function stop() {
  stopped = true;
  clearInterval(hbTimer); clearInterval(snapTimer); clearInterval(screenTimer);
  [camera, screenStream].forEach(s => s && s.getTracks().forEach(t => t.stop()));
  socket.close();
  status('stopped');
}

// resend what is still unacknowledged a while after it was sent (a lost ack, a refused flood)
setInterval(() => { const now = Date.now(); store.pending.filter(e => !e.sentAt || now - e.sentAt > RESEND_MS).forEach(sendEvent); }, RESEND_MS);

// ---------------------------------------------------------------- what the browser sees
function watchBrowser() {
  document.addEventListener('visibilitychange', () => record(document.hidden ? 'visibility.hidden' : 'visibility.visible'));
  window.addEventListener('blur', () => record('focus.lost'));
  window.addEventListener('focus', () => record('focus.gained'));
  document.addEventListener('fullscreenchange', () => {
    fullscreenReported = !!document.fullscreenElement;
    record(document.fullscreenElement ? 'fullscreen.enter' : 'fullscreen.exit');
    fullscreenPrompt(!document.fullscreenElement);
    checkSetup();
  });
  for (const k of ['copy', 'cut', 'paste']) document.addEventListener(k, () => record(`clipboard.${k}`));
  document.addEventListener('contextmenu', e => { e.preventDefault(); record('contextmenu'); });
  document.addEventListener('keydown', e => {
    const key = e.key.toLowerCase();
    if ((e.ctrlKey || e.metaKey) && (key === 'p' || key === 's')) { e.preventDefault(); record(key === 'p' ? 'shortcut.print' : 'shortcut.save', { key }); }
  });
  window.addEventListener('beforeprint', () => record('shortcut.print', { key: 'print' }));
  window.addEventListener('resize', checkWindow);
  window.addEventListener('offline', () => { record('network.offline'); status('offline'); socket.drop(); });
  window.addEventListener('online', () => { record('network.online'); socket.settled(); connect(); });
  if (window.screen && 'onchange' in window.screen) window.screen.addEventListener('change', () => record('screens', screens()));
  // the Window Management API counts screens exactly, but only where the student already allowed it
  if ('getScreenDetails' in window && navigator.permissions) {
    navigator.permissions.query({ name: 'window-management' }).then(p => {
      if (p.state !== 'granted') return;
      window.getScreenDetails().then(d => {
        const report = () => record('screens', { count: d.screens.length, extended: d.screens.length > 1 });
        report();
        d.addEventListener('screenschange', report);
      });
    }).catch(() => { /* not supported: isExtended is what we have */ });
  }
}

function screens() { const ext = !!(window.screen && window.screen.isExtended); return { count: ext ? 2 : 1, extended: ext }; }

function checkWindow() {
  const f = cfg.windowMinFraction || 0.75;
  const small = window.outerWidth > 0 && (window.outerWidth < screen.availWidth * f || window.outerHeight < screen.availHeight * f);
  if (small !== smallWindow) {
    smallWindow = small;
    record(small ? 'window.small' : 'window.ok', small
      ? { width: window.outerWidth, height: window.outerHeight, screenWidth: screen.availWidth, screenHeight: screen.availHeight }
      : { width: window.outerWidth, height: window.outerHeight });
  }
}

// ---------------------------------------------------------------- camera, microphone, screen
// When the exam page also loads the recorder (recorder.js), it owns the camera and the screen: this
// module adopts its streams ('adal:recording') instead of asking the student a second time.
const adopted = {};
let baselineDone = false;
window.addEventListener('adal:recording', /** @param {CustomEvent} e */ e => {
  adopted[e.detail.kind] = e.detail.stream;
  if (baselineDone) adopt(e.detail.kind, e.detail.stream);
});
const recorderPresent = () => !!window.adalRecorder || !!document.querySelector('script[src="/js/recorder.js"]');

function adopt(kind, stream) {
  if (kind === 'camera') {
    camera = stream;
    const v = stream.getVideoTracks()[0], a = stream.getAudioTracks()[0];
    if (v) { watchTrack(v, 'camera'); record('camera.started'); ui.video.srcObject = new MediaStream([v]); }
    if (a) { watchTrack(a, 'mic'); record('mic.started'); }
  } else if (kind === 'screen') {
    screenStream = stream;
    const s = stream.getVideoTracks()[0];
    if (!s) return;
    const surface = s.getSettings().displaySurface || 'monitor';
    s.addEventListener('ended', () => { record('screen.ended'); ui.bar.dataset.sharing = 'no'; });
    record('screen.started', { surface });
    ui.bar.dataset.sharing = surface === 'monitor' ? 'yes' : 'partial';
    scheduleScreenThumbnails();
  }
  showStart(!document.fullscreenElement || !screenStream || !camera);
  checkSetup();
}

function watchTrack(track, prefix) {
  track.addEventListener('ended', () => record(`${prefix}.ended`));
  track.addEventListener('mute', () => record(`${prefix}.muted`));
  track.addEventListener('unmute', () => record(`${prefix}.unmuted`));
}

async function startMedia() {
  ui.start.disabled = true;
  try { if (!document.fullscreenElement) await document.documentElement.requestFullscreen(); } catch { record('fullscreen.exit', { initial: true }); }
  if (recorderPresent()) { showStart(!screenStream || !camera || !document.fullscreenElement); ui.start.disabled = false; checkSetup(); return; }
  try {
    camera = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: true });
    const v = camera.getVideoTracks()[0], a = camera.getAudioTracks()[0];
    if (v) { watchTrack(v, 'camera'); record('camera.started'); ui.video.srcObject = new MediaStream([v]); }
    if (a) { watchTrack(a, 'mic'); record('mic.started'); }
  } catch { record('camera.ended'); record('mic.ended'); }
  try {
    screenStream = await navigator.mediaDevices.getDisplayMedia({ video: { displaySurface: 'monitor' }, audio: false, monitorTypeSurfaces: 'include' });
    const s = screenStream.getVideoTracks()[0];
    const surface = s.getSettings().displaySurface || 'monitor';
    s.addEventListener('ended', () => { record('screen.ended'); ui.bar.dataset.sharing = 'no'; showStart(true); });
    record('screen.started', { surface });
    ui.bar.dataset.sharing = surface === 'monitor' ? 'yes' : 'partial';
    scheduleScreenThumbnails();
  } catch { record('screen.ended'); }
  showStart(!screenStream || !camera);
  ui.start.disabled = false;
  checkSetup();
}

function scheduleSnapshots(seconds) {
  clearInterval(snapTimer);
  snapTimer = setInterval(snapshot, Math.max(1, seconds) * 1000);
}

function snapshot() {
  const track = camera && camera.getVideoTracks()[0];
  if (!ready || !track || track.readyState !== 'live' || !ui.video.videoWidth) return;
  const c = document.createElement('canvas');
  c.width = SNAPSHOT_W; c.height = SNAPSHOT_H;
  c.getContext('2d').drawImage(ui.video, 0, 0, SNAPSHOT_W, SNAPSHOT_H);
  c.toBlob(b => { if (b) sendSnapshot(b, 'camera'); }, 'image/jpeg', SNAPSHOT_QUALITY);
}

/**
 * The screen thumbnail for the proctor's tile (issue 14): one soon after the screen is shared (or the socket is
 * back), then every screenSnapshotEverySeconds. Drawn from a detached, muted video of the shared screen; only
 * the latest is kept on the server. Nothing is sent without a shared screen (that is the SCREEN_SHARE_STOPPED
 * flag's business, not the thumbnail's).
 */
let screenVideo = null, screenFirst = null;
function scheduleScreenThumbnails() {
  clearInterval(screenTimer); clearInterval(screenFirst);
  screenTimer = setInterval(screenThumbnail, Math.max(5, cfg.screenSnapshotEverySeconds || 20) * 1000);
  let tries = 0;   // the first one as soon as the screen has a frame
  screenFirst = setInterval(() => { if (screenThumbnail() || ++tries > 15) clearInterval(screenFirst); }, 1000);
}

function screenThumbnail() {
  const track = screenStream && screenStream.getVideoTracks()[0];
  if (!ready || !track || track.readyState !== 'live') return false;
  if (!screenVideo || screenVideo.srcObject?.getVideoTracks()[0] !== track) {
    screenVideo = h('video', { muted: true, playsinline: true });
    screenVideo.muted = true;
    screenVideo.srcObject = new MediaStream([track]);
    screenVideo.play().catch(() => {});
  }
  const w = screenVideo.videoWidth, hgt = screenVideo.videoHeight;
  if (!w || !hgt) return false;
  const c = document.createElement('canvas');
  c.width = Math.min(SCREEN_W, w); c.height = Math.round(hgt * c.width / w);
  c.getContext('2d').drawImage(screenVideo, 0, 0, c.width, c.height);
  c.toBlob(b => { if (b) sendSnapshot(b, 'screen'); }, 'image/jpeg', SCREEN_QUALITY);
  return true;
}

// ---------------------------------------------------------------- what the student sees
function status(state) {
  if (!ui.state) return;
  ui.state.dataset.state = state;
  ui.state.textContent = tr(`proctoring.status.${state}`);
}

function showStart(show) { ui.start.hidden = !show; ui.startNote.hidden = !show; }

function modal(title, text, ...extra) {
  const d = h('dialog.proctoring-modal', { 'aria-labelledby': 'pm-title' }, h('h2#pm-title', title), text ? h('p', text) : null, ...extra);
  document.body.append(d);
  d.addEventListener('cancel', e => e.preventDefault());   // Escape does not dismiss what must be acknowledged
  d.showModal();
  return d;
}

function showMessage(m) {
  if (document.getElementById(`pm-${m.id}`)) return;
  if (m.kind === 'PRESENCE_CHECK') return presenceCheck(m);
  const ok = h('button.primary', { onclick: () => { send({ type: 'ack', messageId: m.id }); d.close(); d.remove(); } }, tr('proctoring.acknowledge'));
  const d = modal(tr(m.kind === 'WARNING' ? 'proctoring.warning' : 'proctoring.message'), m.text, h('div.actions', ok));
  d.id = `pm-${m.id}`;
  d.classList.toggle('warning', m.kind === 'WARNING');
  ok.focus();
}

function presenceCheck(m) {
  const input = h('input#pm-answer', { type: 'text', maxlength: 1000, 'aria-describedby': 'pm-left' });
  const left = h('p#pm-left', { 'aria-live': 'polite' });
  const until = Date.now() + m.answerWithinSeconds * 1000;
  const tick = setInterval(() => { const s = Math.max(0, Math.ceil((until - Date.now()) / 1000)); left.textContent = tr('proctoring.secondsLeft', { n: s }); }, 250);
  const done = (mode) => { clearInterval(tick); send({ type: 'answer', messageId: m.id, text: input.value, mode }); d.close(); d.remove(); };
  const d = modal(tr('proctoring.presenceTitle'), m.text, h('p.muted', tr('proctoring.presenceHint')),
    h('label', { for: 'pm-answer' }, tr('proctoring.presenceAnswer')), input, left,
    h('div.actions', h('button', { onclick: () => done('VOICE') }, tr('proctoring.answeredByVoice')),
      h('button.primary', { onclick: () => done('TEXT') }, tr('proctoring.sendAnswer'))));
  d.id = `pm-${m.id}`;
  input.focus();
}

let pause = null, pausedHere = false;
const pauseWasShown = m => { const was = pausedHere; pausedHere = false; return was || m.creditedSeconds > 0; };
function suspended(on, reason) {
  if (on) pausedHere = true;
  if (on && !pause) pause = modal(tr('proctoring.suspended'), reason ? tr('proctoring.suspendedText', { reason }) : tr('proctoring.suspendedPlain'));
  if (!on && pause) { pause.close(); pause.remove(); pause = null; }
}

/** The proctor resumed: said at once, with the time added for the pause. */
function resumed(creditedSeconds) {
  const minutes = Math.round((creditedSeconds || 0) / 60);
  const ok = h('button.primary#pm-resumed-ok', { onclick: () => { d.close(); d.remove(); } }, tr('proctoring.acknowledge'));
  const d = modal(tr('proctoring.resumed'), minutes > 0 ? tr('proctoring.credited', { n: minutes }) : '', h('div.actions', ok));
  d.id = 'pm-resumed';
  ok.focus();
}

/** After leaving fullscreen the student is asked back, with a button that does it (a click may request fullscreen). */
function fullscreenPrompt(show) {
  if (!setupDone || stopped) show = false;
  if (show && !ui.fullscreen) {
    ui.fullscreen = h('div.pm-fullscreen#pm-fullscreen', { role: 'alert' },
      h('strong', tr('proctoring.fullscreenTitle')), h('span', tr('proctoring.fullscreenText')),
      h('button.primary#pm-fullscreen-back', { onclick: async () => {
        try { await document.documentElement.requestFullscreen(); } catch { /* refused: the prompt stays */ }
      } }, tr('proctoring.fullscreenBack')));
    ui.bar.after(ui.fullscreen);
  }
  if (ui.fullscreen) ui.fullscreen.hidden = !show;
}

/**
 * Camera, the entire screen and fullscreen all in place after this page load: the page's own setup step is
 * over and from now on a loss counts (the server does not flag what happens before, FlagRules/Timeline.setups).
 */
let setupDone = false, fullscreenReported = false;
function checkSetup() {
  // fullscreen as reported (the fullscreenchange event may come after requestFullscreen's promise): the
  // server must see fullscreen.enter before setup.complete
  if (setupDone || !baselineDone || stopped || !fullscreenReported) return;
  const cam = camera && camera.getVideoTracks()[0];
  const scr = screenStream && screenStream.getVideoTracks()[0];
  if (!cam || cam.readyState !== 'live' || !scr || scr.readyState !== 'live' || !document.fullscreenElement) return;
  if ((scr.getSettings().displaySurface || 'monitor') !== 'monitor') return;
  setupDone = true;
  record('setup.complete');
}

function elsewhere() {
  status('elsewhere');
  const go = h('button.primary#pm-takeover', { onclick: () => { d.close(); d.remove(); takeover = true; connect(); } }, tr('proctoring.continueHere'));
  const d = modal(tr('proctoring.elsewhere'), tr('proctoring.elsewhereText'), h('div.actions', go));
  go.focus();
}

function reportProblem() {
  const text = h('textarea#pm-problem', { rows: 4, maxlength: 480 });
  const d = modal(tr('proctoring.reportTitle'), tr('proctoring.reportHint'), h('label', { for: 'pm-problem' }, tr('proctoring.reportLabel')), text,
    h('div.actions',
      h('button', { onclick: () => { d.close(); d.remove(); } }, tr('proctoring.cancel')),
      h('button.primary#pm-report-send', { onclick: () => {
        if (!text.value.trim()) { text.focus(); return; }
        record('problem.reported', { text: text.value.trim() });
        d.close(); d.remove();
        ui.reported.textContent = tr('proctoring.reported');
      } }, tr('proctoring.reportSend'))));
  text.focus();
}

function buildUi() {
  ui.state = h('span.pm-state#proctoring-state', { role: 'status', 'aria-live': 'polite' });
  ui.video = h('video.pm-self', { autoplay: true, muted: true, playsinline: true, 'aria-label': tr('proctoring.selfView') });
  ui.start = h('button.primary#proctoring-start', { onclick: startMedia }, tr('proctoring.start'));
  ui.startNote = h('span.pm-note', tr('proctoring.startNote'));
  ui.reported = h('span.pm-note', { 'aria-live': 'polite' });
  ui.bar = h('section.proctoring-bar#proctoring-bar', { 'aria-label': tr('proctoring.title') },
    ui.video, h('strong', tr('proctoring.title')), ui.state, ui.start, ui.startNote,
    h('button#proctoring-report', { onclick: reportProblem }, tr('proctoring.report')), ui.reported);
  const main = document.getElementById('main');
  main.prepend(ui.bar);
}

async function main() {
  if (!attemptId) return;
  document.head.append(h('link', { rel: 'stylesheet', href: '/css/proctoring.css' }));
  const l = ['kk', 'ru', 'en'].includes(lang()) ? lang() : 'kk';
  msgs = await fetch(`/i18n/proctoring.${l}.json`).then(r => r.ok ? r.json() : {}).catch(() => ({}));
  // the exam page draws itself first (it replaces the body): wait for it
  for (let i = 0; i < 200 && !document.getElementById('q-heading'); i++) await new Promise(r => setTimeout(r, 100));
  if (!document.getElementById('main')) return;
  buildUi();
  watchBrowser();
  connect();
  // the state as this page starts (a reload resets what the rules know)
  record('session.start', { visible: !document.hidden, focused: document.hasFocus(), fullscreen: !!document.fullscreenElement, ...(() => { const s = screens(); return { screens: s.count, extended: s.extended }; })() });
  fullscreenReported = !!document.fullscreenElement;
  if (!adopted.screen) record('screen.ended');
  if (!adopted.camera) record('camera.ended');
  baselineDone = true;
  checkWindow();
  showStart(true);
  for (const [kind, stream] of Object.entries(adopted)) adopt(kind, stream);
}

main();
